using Alchemiser.Core.Allocation;
using Alchemiser.Core.Events;
using Alchemiser.Core.Sessions;
using Alchemiser.Dsl;
using Alchemiser.Dsl.Pricing;
using Alchemiser.Functions.Tests.Support;
using Alchemiser.SignalAggregator;
using Alchemiser.StrategyOrchestrator;

namespace Alchemiser.Functions.Tests.Pipeline;

/// <summary>Issue #3's acceptance scenarios for orchestrator → workers → aggregator, on in-memory ports.</summary>
public class SignalPipelineTests
{
    /// <summary>The consolidated portfolio computed directly: each file evaluated, then Σ weight × allocation.</summary>
    private static IReadOnlyList<KeyValuePair<string, decimal>> DirectlyComputed(SignalPipeline pipeline, IEnumerable<int> strategies, int total)
    {
        var prices = new BarStorePriceSource(pipeline.Bars);
        var included = strategies.ToList();
        var weights = included.ToDictionary(i => i, i => i == total - 1 ? 1m - ((total - 1) * SignalPipeline.Weight(total)) : SignalPipeline.Weight(total));
        var sum = weights.Values.Sum();
        var contributions = included.Select(i => new StrategyContribution(
            $"s{i:00}",
            weights[i] / sum,
            DslCompiler.Evaluate(DslCompiler.Parse(SignalPipeline.StrategyText(i), $"s{i:00}.clj"), SignalPipeline.TradingDate, prices).Weights)).ToList();
        return ConsolidatedAllocation.Merge(contributions).Weights;
    }

    [Fact]
    public async Task Every_event_delivered_twice_in_shuffled_order_gives_exactly_one_signal_equal_to_a_direct_computation()
    {
        using var pipeline = new SignalPipeline(50);
        var start = await pipeline.StartAsync();
        Assert.Equal(RunStartOutcome.Started, start.Outcome);
        Assert.Equal(50, start.RequestsPublished);

        await pipeline.DeliverAsync(twiceShuffled: true);

        var signal = Assert.Single(pipeline.Events.OfType(EventTypes.SignalGenerated)).PayloadAs<SignalGenerated>();
        Assert.Equal(50, signal.ReceivedStrategies);
        Assert.False(signal.Renormalized);
        Assert.Equal(DirectlyComputed(pipeline, Enumerable.Range(0, 50), 50), signal.Portfolio.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.Equal(1m, signal.Portfolio.Values.Sum());
        Assert.Equal(SessionStatus.Completed, (await pipeline.SessionAsync())!.Status);
    }

    [Fact]
    public async Task A_crash_between_recording_and_publishing_is_recovered_by_redelivery_with_exactly_one_signal()
    {
        using var pipeline = new SignalPipeline(10);
        await pipeline.StartAsync();
        var crashed = 0;
        var healthy = pipeline.Aggregator;
        pipeline.Aggregator = new SignalAggregationService(pipeline.Sessions, pipeline.Events, pipeline.Clock)
        {
            AfterRecorded = (_, session) => session.IsComplete && Interlocked.Exchange(ref crashed, 1) == 0
                ? throw new IOException("injected crash after recording")
                : Task.CompletedTask,
        };

        await Assert.ThrowsAsync<IOException>(() => pipeline.DeliverAsync());
        Assert.Empty(pipeline.Events.OfType(EventTypes.SignalGenerated));

        pipeline.Aggregator = healthy;
        await pipeline.DeliverAsync(twiceShuffled: true); // the redelivery

        Assert.Single(pipeline.Events.OfType(EventTypes.SignalGenerated));
    }

    [Fact]
    public async Task A_syntax_error_fails_the_strategy_with_its_position_and_aborts_the_run()
    {
        using var pipeline = new SignalPipeline(3, brokenFiles: new Dictionary<int, string> { [1] = "(defsymphony \"x\" {}\n  (weight-equal [(asset \"SPY\")])" });
        await pipeline.StartAsync();
        await pipeline.DeliverAsync();

        var failure = Assert.Single(pipeline.Events.OfType(EventTypes.StrategyEvaluationFailed)).PayloadAs<StrategyEvaluationFailed>();
        Assert.Equal("s01", failure.StrategyId);
        Assert.Equal("strategy", failure.Category);
        Assert.StartsWith("s01.clj:1:1: '(' is never closed", failure.Reason, StringComparison.Ordinal);

        var failed = Assert.Single(pipeline.Events.OfType(EventTypes.WorkflowFailed)).PayloadAs<WorkflowFailed>();
        Assert.Equal(["s01"], failed.FailedStrategies);
        Assert.Contains("s01.clj:1:1", failed.Reason, StringComparison.Ordinal);
        Assert.Empty(pipeline.Events.OfType(EventTypes.SignalGenerated));
        Assert.Equal(SessionStatus.Failed, (await pipeline.SessionAsync())!.Status);
    }

    [Fact]
    public async Task Under_proceed_the_run_completes_with_the_remaining_strategies_renormalized()
    {
        using var pipeline = new SignalPipeline(3, FailurePolicies.Proceed, new Dictionary<int, string> { [1] = "(defsymphony \"x\" {} (rsii \"SPY\"))" });
        await pipeline.StartAsync();
        await pipeline.DeliverAsync();

        var signal = Assert.Single(pipeline.Events.OfType(EventTypes.SignalGenerated)).PayloadAs<SignalGenerated>();
        Assert.True(signal.Renormalized);
        Assert.Equal(["s01"], signal.FailedStrategies);
        Assert.Equal(1m, signal.Contributions.Sum(c => c.EffectiveWeight));
        Assert.Equal(DirectlyComputed(pipeline, [0, 2], 3), signal.Portfolio.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.Empty(pipeline.Events.OfType(EventTypes.WorkflowFailed));
    }

    [Fact]
    public async Task A_holiday_skips_the_run_without_a_session_or_an_evaluation()
    {
        using var pipeline = new SignalPipeline(3);
        var start = await pipeline.Orchestrator.StartAsync("test", new DateOnly(2025, 12, 25), force: false);

        Assert.Equal(RunStartOutcome.Skipped, start.Outcome);
        var completed = Assert.Single(pipeline.Events.Published).PayloadAs<WorkflowCompleted>();
        Assert.Equal("skipped", completed.Outcome);
        Assert.Contains("Christmas", completed.Reason, StringComparison.Ordinal);
        Assert.Empty(await pipeline.Sessions.FindAsync("test", new DateOnly(2025, 12, 25)));
    }

    [Fact]
    public async Task Every_event_carries_the_runs_correlation_id_and_its_parents_event_id()
    {
        using var pipeline = new SignalPipeline(5);
        var start = await pipeline.StartAsync();
        await pipeline.DeliverAsync(twiceShuffled: true);

        var events = pipeline.Events.Published.DistinctBy(e => e.EventId).ToDictionary(e => e.EventId, StringComparer.Ordinal);
        Assert.All(events.Values, e => Assert.Equal(start.CorrelationId, e.CorrelationId));
        var signal = Assert.Single(events.Values, e => e.EventType == EventTypes.SignalGenerated);

        // Walk the chain from the signal back to the orchestrator's request.
        var chain = new List<string>();
        for (var e = signal; e is not null; e = e.CausationId is { } parent ? events[parent] : null)
        {
            chain.Add(e.EventType);
        }

        Assert.Equal([EventTypes.SignalGenerated, EventTypes.PartialSignalGenerated, EventTypes.StrategyEvaluationRequested], chain);
        Assert.All(events.Values.Where(e => e.EventType == EventTypes.PartialSignalGenerated),
            e => Assert.Equal(EventTypes.StrategyEvaluationRequested, events[e.CausationId!].EventType));
    }

    [Fact]
    public async Task A_second_run_for_the_same_date_does_not_start_unless_forced()
    {
        using var pipeline = new SignalPipeline(3);
        var first = await pipeline.StartAsync();
        await pipeline.DeliverAsync();

        var second = await pipeline.StartAsync();
        Assert.Equal(RunStartOutcome.AlreadyRun, second.Outcome);
        Assert.Equal(first.CorrelationId, second.CorrelationId);
        Assert.Contains("already exists", second.Reason, StringComparison.Ordinal);

        var forced = await pipeline.StartAsync(force: true);
        Assert.Equal(RunStartOutcome.Started, forced.Outcome);
        Assert.NotEqual(first.CorrelationId, forced.CorrelationId);
    }

    [Fact]
    public async Task A_run_whose_requests_were_lost_is_resumed_with_the_same_event_ids()
    {
        using var pipeline = new SignalPipeline(3);
        var first = await pipeline.StartAsync();
        var ids = pipeline.Events.OfType(EventTypes.StrategyEvaluationRequested).Select(e => e.EventId).ToList();

        var again = await pipeline.StartAsync();

        Assert.Equal(RunStartOutcome.Resumed, again.Outcome);
        Assert.Equal(first.CorrelationId, again.CorrelationId);
        Assert.Equal(ids.Concat(ids), pipeline.Events.OfType(EventTypes.StrategyEvaluationRequested).Select(e => e.EventId));
    }

    [Fact]
    public async Task A_session_incomplete_past_its_deadline_fails_when_the_next_event_arrives()
    {
        using var pipeline = new SignalPipeline(3);
        await pipeline.StartAsync();
        var requests = pipeline.Events.OfType(EventTypes.StrategyEvaluationRequested);
        await pipeline.Worker.HandleAsync(requests[0]);
        await pipeline.Worker.HandleAsync(requests[1]);
        var partials = pipeline.Events.OfType(EventTypes.PartialSignalGenerated);
        await pipeline.Aggregator.HandleAsync(partials[0]);

        pipeline.Clock.Advance(TimeSpan.FromMinutes(11));
        await pipeline.Aggregator.HandleAsync(partials[1]);

        var failed = Assert.Single(pipeline.Events.OfType(EventTypes.WorkflowFailed)).PayloadAs<WorkflowFailed>();
        Assert.Contains("deadline", failed.Reason, StringComparison.Ordinal);
        Assert.Equal(2, failed.FailedStrategies.Count);
        Assert.Empty(pipeline.Events.OfType(EventTypes.SignalGenerated));
    }

    [Fact]
    public async Task A_deadline_check_without_events_fails_an_overdue_session_once()
    {
        using var pipeline = new SignalPipeline(2);
        var start = await pipeline.StartAsync();
        Assert.False(await pipeline.Aggregator.CheckDeadlineAsync(start.SessionId!));

        pipeline.Clock.Advance(TimeSpan.FromMinutes(11));
        Assert.True(await pipeline.Aggregator.CheckDeadlineAsync(start.SessionId!));
        Assert.False(await pipeline.Aggregator.CheckDeadlineAsync(start.SessionId!));
        Assert.Single(pipeline.Events.OfType(EventTypes.WorkflowFailed));
    }
}
