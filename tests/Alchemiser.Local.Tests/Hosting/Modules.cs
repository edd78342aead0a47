namespace Alchemiser.Local.Tests.Hosting;

/// <summary>The <c>source_module</c> of each function (ARCHITECTURE.md §2); the EventBridge source is <c>alchemiser.</c> + module.</summary>
internal static class Modules
{
    public const string StrategyOrchestrator = "strategy_orchestrator";
    public const string StrategyWorker = "strategy_worker";
    public const string SignalAggregator = "signal_aggregator";
    public const string Portfolio = "portfolio";
    public const string Execution = "execution";
    public const string Notifications = "notifications";

    public static IReadOnlyList<string> All { get; } =
        [StrategyOrchestrator, StrategyWorker, SignalAggregator, Portfolio, Execution, Notifications];
}
