namespace Alchemiser.Alpaca.TestServer.Faults;

/// <summary>Answers 429 with the rate-limit headers showing nothing remaining; the request is not served.</summary>
public sealed record TooManyRequestsFault : Fault
{
    internal TooManyRequestsFault(TimeSpan? resetAfter)
    {
        if (resetAfter is { } after)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(after, TimeSpan.Zero, nameof(resetAfter));
        }

        ResetAfter = resetAfter;
    }

    /// <summary>How long after now the reset header points; null for the server's real budget reset.</summary>
    public TimeSpan? ResetAfter { get; }

    /// <inheritdoc />
    public override string Description => ResetAfter is { } after ? Text($"429 too many requests (reset in {after.TotalSeconds} s)") : "429 too many requests";
}
