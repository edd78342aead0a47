using Alchemiser.Core.Events;
using Alchemiser.Core.MarketData;
using Alchemiser.Functions.Tests.Support;
using Alchemiser.StrategyOrchestrator;

namespace Alchemiser.Functions.Tests.StrategyOrchestrator;

/// <summary>The orchestrator's calendar and configuration decisions.</summary>
public sealed class RunOrchestrationServiceTests : IDisposable
{
    private static readonly DateOnly DayAfterThanksgiving = new(2025, 11, 28);
    private readonly SignalPipeline _pipeline = new(2);

    private RunOrchestrationService Orchestrator(string earlyClosePolicy, string? strategies = null) =>
        new(_pipeline.Sessions, _pipeline.Events, new NyseMarketCalendar(), _pipeline.Clock,
            new OrchestratorSettings(strategies ?? _pipeline.StrategiesFolder, EarlyClosePolicy: earlyClosePolicy));

    [Fact]
    public async Task An_early_close_day_is_skipped_when_the_policy_says_skip()
    {
        var start = await Orchestrator("skip").StartAsync("test", DayAfterThanksgiving, force: false);

        Assert.Equal(RunStartOutcome.Skipped, start.Outcome);
        Assert.Contains("early close", start.Reason, StringComparison.Ordinal);
        Assert.Equal("skipped", Assert.Single(_pipeline.Events.Published).PayloadAs<WorkflowCompleted>().Outcome);
    }

    [Fact]
    public async Task An_early_close_day_runs_by_default()
    {
        var start = await Orchestrator("run").StartAsync("test", DayAfterThanksgiving, force: false);

        Assert.Equal(RunStartOutcome.Started, start.Outcome);
        Assert.Equal(2, _pipeline.Events.OfType(EventTypes.StrategyEvaluationRequested).Count);
    }

    [Fact]
    public async Task A_missing_stage_manifest_fails_the_run_as_a_configuration_error_without_a_session()
    {
        var start = await Orchestrator("run").StartAsync("nosuchstage", SignalPipeline.TradingDate, force: false);

        Assert.Equal(RunStartOutcome.Failed, start.Outcome);
        var failed = Assert.Single(_pipeline.Events.Published).PayloadAs<WorkflowFailed>();
        Assert.Equal("configuration", failed.Category);
        Assert.Equal("strategy_orchestrator", failed.FailedStep);
        Assert.Empty(await _pipeline.Sessions.FindAsync("nosuchstage", SignalPipeline.TradingDate));
    }

    [Fact]
    public async Task Requests_carry_the_stage_weights_policy_and_deterministic_ids()
    {
        var start = await Orchestrator("run").StartAsync("test", SignalPipeline.TradingDate, force: false);

        var requests = _pipeline.Events.OfType(EventTypes.StrategyEvaluationRequested);
        Assert.Equal([$"{start.CorrelationId}:StrategyEvaluationRequested:s00", $"{start.CorrelationId}:StrategyEvaluationRequested:s01"], requests.Select(r => r.EventId));
        var first = requests[0].PayloadAs<StrategyEvaluationRequested>();
        Assert.Equal(("test:2025-06-30", 2, "live-bar", 0.5m), (first.SessionId, first.ExpectedStrategies, first.LiveBarPolicy, first.AllocationWeight));
        Assert.All(requests, r => Assert.Null(r.CausationId));
    }

    public void Dispose() => _pipeline.Dispose();
}
