namespace Alchemiser.Alpaca.TestServer.Faults;

/// <summary>The faults one request gets: waits first, then at most one outcome (an error, a 429 or a lost response).</summary>
internal sealed record FaultPlan(IReadOnlyList<DelayFault> Delays, Fault? Outcome)
{
    /// <summary>No fault applies.</summary>
    public bool IsEmpty => Delays.Count == 0 && Outcome is null;

    /// <summary>What the journal says about the faults; null when none applied.</summary>
    public string? Description =>
        IsEmpty ? null : string.Join("; ", Delays.Select(d => d.Description).Concat(Outcome is null ? [] : [Outcome.Description]));
}
