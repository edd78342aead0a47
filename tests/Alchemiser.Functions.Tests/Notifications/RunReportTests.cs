using Alchemiser.Core.Events;
using Alchemiser.Notifications.Reporting;

namespace Alchemiser.Functions.Tests.Notifications;

/// <summary>The report model gathers a run's events: any subset, redeliveries once, one run only.</summary>
public sealed class RunReportTests
{
    [Fact]
    public void The_sample_run_gives_every_part_of_a_completed_report()
    {
        var report = RunReport.From(SampleEvents.CompletedRun(), accountValueAfter: 100_123.45m);

        Assert.Equal((new DateOnly(2025, 6, 30), SampleEvents.CorrelationId, "dev", RunOutcome.Completed, (string?)null), (report.TradingDate, report.CorrelationId, report.Stage, report.Outcome, report.Reason));
        Assert.Equal(["nuclear", "tecl", "klm"], report.Strategies.Select(s => s.StrategyId));
        Assert.Equal(new SymbolWeight("XLE", 0.4m), report.Strategies[0].Weights[0]);
        Assert.Equal(12, report.Target.Count);
        Assert.Equal(new TargetRow("SPY", 0.16m, 0.197712m, -3931.20m), report.Target[0]);
        Assert.Equal(new TargetRow("SOXL", 0m, 0.099944m, -9994.40m), report.Target[^1]);
        Assert.Equal(8, report.PlannedTrades.Count);
        Assert.Equal(7, report.Fills.Count);
        Assert.Equal(new OrderCounts(7, 7, 0), report.Orders);
        Assert.Equal((100_000.00m, 100_123.45m), (report.AccountValueBefore, report.AccountValueAfter));
        Assert.Empty(report.Failures);
    }

    [Fact]
    public void A_skipped_run_has_only_its_outcome_and_reason()
    {
        var report = RunReport.From([SampleEvents.Envelope(new WorkflowCompleted(new DateOnly(2025, 7, 4), "skipped", "market closed", "prod:2025-07-04"))]);

        Assert.Equal((RunOutcome.Skipped, "market closed", "prod", new DateOnly(2025, 7, 4)), (report.Outcome, report.Reason, report.Stage, report.TradingDate));
        Assert.Empty(report.Strategies);
        Assert.Empty(report.Target);
        Assert.Null(report.Orders);
        Assert.Null(report.AccountValueBefore);
    }

    [Fact]
    public void A_failed_run_carries_the_workflow_failure_and_the_failed_strategies()
    {
        var signal = SampleEvents.Load("SignalGenerated").PayloadAs<SignalGenerated>() with { FailedStrategies = ["zeta", "nuclear"] };
        var report = RunReport.From([SampleEvents.Envelope(signal), SampleEvents.Load("StrategyEvaluationFailed"), SampleEvents.Load("WorkflowFailed")]);

        Assert.Equal((RunOutcome.Failed, "the kill switch is on; no order was placed"), (report.Outcome, report.Reason));
        Assert.Equal(
            [
                new RunFailure("execution", "trading", "the kill switch is on; no order was placed", "Check the account, turn the kill switch off, then re-run the day with force: true."),
                new RunFailure("strategy nuclear", "data", "bars/daily/CCJ.csv ends at 2025-06-26; the bar of the previous trading day 2025-06-27 is missing", null),
                new RunFailure("strategy zeta", "strategy", "the strategy could not be evaluated and was left out of the target", null),
            ],
            report.Failures);
    }

    [Fact]
    public void A_redelivered_event_counts_once()
    {
        var events = SampleEvents.CompletedRun().Concat(SampleEvents.CompletedRun()).ToList();

        var report = RunReport.From(events);

        Assert.Equal(7, report.Fills.Count);
        Assert.Equal(3, report.Strategies.Count);
    }

    [Fact]
    public void A_run_that_has_not_ended_is_reported_as_completed_so_far()
    {
        var report = RunReport.From([SampleEvents.Load("SignalGenerated")]);

        Assert.Equal((RunOutcome.Completed, "the run has not reported its end yet"), (report.Outcome, report.Reason));
        Assert.All(report.Target, row => Assert.Null(row.CurrentWeight));
    }

    [Fact]
    public void Events_of_two_runs_or_no_event_are_refused()
    {
        var other = SampleEvents.Envelope(new WorkflowCompleted(new DateOnly(2025, 6, 30), "completed", null, "dev:2025-06-30"), correlationId: "other-run");

        var mixed = Assert.Throws<ArgumentException>(() => RunReport.From([SampleEvents.Load("WorkflowCompleted"), other]));
        Assert.StartsWith("the events belong to 2 runs", mixed.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => RunReport.From([]));
    }

    [Fact]
    public void An_unknown_outcome_is_refused()
    {
        var odd = SampleEvents.Envelope(new WorkflowCompleted(new DateOnly(2025, 6, 30), "paused", null, null));

        var error = Assert.Throws<ArgumentException>(() => RunReport.From([odd]));
        Assert.StartsWith("unknown workflow outcome 'paused'", error.Message, StringComparison.Ordinal);
    }
}
