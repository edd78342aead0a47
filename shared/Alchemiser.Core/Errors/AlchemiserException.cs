namespace Alchemiser.Core.Errors;

/// <summary>
/// Root of every error the system raises on purpose. The category says which part of the world is wrong
/// (configuration, data, strategy, trading, notification); the hint tells a user what to do about it.
/// Messages never contain secrets.
/// </summary>
public abstract class AlchemiserException : Exception
{
    protected AlchemiserException(ErrorCategory category, string message, string? remediationHint = null, Exception? inner = null)
        : base(message, inner)
    {
        Category = category;
        RemediationHint = remediationHint;
    }

    public ErrorCategory Category { get; }

    public string? RemediationHint { get; }
}
