namespace Alchemiser.Alpaca.TestServer.Faults;

/// <summary>
/// A slow server: waits before serving the request. The wait runs on the server's
/// <see cref="AlpacaTestServerOptions.Delay"/> and does not end when the client gives up — like a real server, it
/// serves the request after the wait even if nobody is listening any more (it ends only when the server stops).
/// </summary>
public sealed record DelayFault : Fault
{
    internal DelayFault(TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero, nameof(duration));
        Duration = duration;
    }

    public TimeSpan Duration { get; }

    /// <inheritdoc />
    public override string Description => Text($"delay {Duration.TotalMilliseconds} ms");
}
