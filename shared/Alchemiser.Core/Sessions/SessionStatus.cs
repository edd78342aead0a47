namespace Alchemiser.Core.Sessions;

/// <summary>Lifecycle of an aggregation session.</summary>
public enum SessionStatus
{
    /// <summary>Waiting for strategy results.</summary>
    Collecting,

    /// <summary>Every result is in and one aggregator has claimed the right to publish the outcome.</summary>
    Completing,

    /// <summary>SignalGenerated was published.</summary>
    Completed,

    /// <summary>WorkflowFailed was published (failed strategies under <c>abort</c>, or the deadline passed).</summary>
    Failed,
}
