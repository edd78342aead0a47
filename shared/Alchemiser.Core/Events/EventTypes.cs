namespace Alchemiser.Core.Events;

/// <summary>The <c>event_type</c> (and EventBridge <c>detail-type</c>) of every workflow event (ARCHITECTURE.md §2).</summary>
public static class EventTypes
{
    public const string StrategyEvaluationRequested = nameof(StrategyEvaluationRequested);
    public const string PartialSignalGenerated = nameof(PartialSignalGenerated);
    public const string StrategyEvaluationFailed = nameof(StrategyEvaluationFailed);
    public const string SignalGenerated = nameof(SignalGenerated);
    public const string RebalancePlanned = nameof(RebalancePlanned);
    public const string TradeExecuted = nameof(TradeExecuted);
    public const string WorkflowCompleted = nameof(WorkflowCompleted);
    public const string WorkflowFailed = nameof(WorkflowFailed);

    public static IReadOnlyList<string> All { get; } =
    [
        StrategyEvaluationRequested, PartialSignalGenerated, StrategyEvaluationFailed, SignalGenerated,
        RebalancePlanned, TradeExecuted, WorkflowCompleted, WorkflowFailed,
    ];
}
