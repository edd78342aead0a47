namespace Alchemiser.SignalAggregator;

/// <summary>What the aggregator does when some strategies failed.</summary>
public static class FailurePolicies
{
    /// <summary>No trading: WorkflowFailed naming the failed strategies (the default).</summary>
    public const string Abort = "abort";

    /// <summary>Trade the strategies that succeeded, their weights renormalized to sum to 1, and say so.</summary>
    public const string Proceed = "proceed";

    /// <summary>Every policy, for validating settings.</summary>
    public static IReadOnlyList<string> All { get; } = [Abort, Proceed];
}
