namespace Alchemiser.StrategyOrchestrator;

/// <summary>How the orchestrator starts a run.</summary>
/// <param name="StrategiesDirectory">Folder holding <c>strategies.&lt;stage&gt;.json</c> and the strategy files.</param>
/// <param name="EarlyClosePolicy"><c>run</c> (default) or <c>skip</c> on early-close days.</param>
/// <param name="FailurePolicy">The aggregator's policy for failed strategies: <c>abort</c> (default) or <c>proceed</c>.</param>
/// <param name="LiveBarPolicy"><c>live-bar</c> (default) or <c>previous-close</c>, passed to the workers.</param>
/// <param name="SessionDeadline">How long the session may collect results (default 10 minutes).</param>
public sealed record OrchestratorSettings(
    string StrategiesDirectory,
    string EarlyClosePolicy = "run",
    string FailurePolicy = "abort",
    string LiveBarPolicy = "live-bar",
    TimeSpan? SessionDeadline = null)
{
    public TimeSpan Deadline => SessionDeadline ?? TimeSpan.FromMinutes(10);
}
