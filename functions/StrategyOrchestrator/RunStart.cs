namespace Alchemiser.StrategyOrchestrator;

/// <summary>What the orchestrator did with a schedule invocation.</summary>
public enum RunStartOutcome
{
    /// <summary>A new session; one evaluation request per strategy published.</summary>
    Started,

    /// <summary>The session existed and was still collecting: requests for strategies without a result were published again.</summary>
    Resumed,

    /// <summary>The session existed and had finished: nothing published.</summary>
    AlreadyRun,

    /// <summary>The market is closed (or closes early and the policy skips): WorkflowCompleted 'skipped' published.</summary>
    Skipped,

    /// <summary>The run could not start (bad configuration): WorkflowFailed published.</summary>
    Failed,
}

/// <summary>The result of a schedule invocation.</summary>
public sealed record RunStart(
    RunStartOutcome Outcome,
    string CorrelationId,
    DateOnly TradingDate,
    string? SessionId,
    int RequestsPublished,
    string? Reason);
