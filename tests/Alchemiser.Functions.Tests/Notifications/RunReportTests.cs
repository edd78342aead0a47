using Alchemiser.Core.Events;
using Alchemiser.Notifications.Reporting;

namespace Alchemiser.Functions.Tests.Notifications;

/// <summary>The report model gathers a run's events: any subset, redeliveries once, one run only.</summary>
public sealed class RunReportTests
{
    [Fact]
    public void The_sample_run_gives_every_part_of_a_completed_report()
    {
        var report = RunReport.From(SampleEvents.CompletedRun());

        Assert.Equal((new DateOnly(2025, 6, 30), SampleEvents.CorrelationId, "dev", RunOutcome.Completed, (string?)null), (report.TradingDate, report.CorrelationId, report.Stage, report.Outcome, report.Reason));
        Assert.Equal(["nuclear", "tecl", "klm"], report.Strategies.Select(s => s.StrategyId));
        Assert.Equal(new SymbolWeight("XLE", 0.4m), report.Strategies[0].Weights[0]);
        Assert.Equal(12, report.Target.Count);
        Assert.Equal(new TargetRow("SPY", 0.16m, 0.197712m, -3931.20m), report.Target[0]);
        Assert.Equal(new TargetRow("SOXL", 0m, 0.099944m, -9994.40m), report.Target[^1]);
        Assert.Equal(8, report.PlannedTrades.Count);
        Assert.Equal(7, report.Fills.Count);
        Assert.Equal(new OrderCounts(7, 7, 0), report.Orders);
        Assert.Equal((100_000.00m, 99_987.41m), (report.AccountValueBefore, report.AccountValueAfter));
        Assert.Empty(report.FailedOrders);
        Assert.Empty(report.Failures);
        Assert.Null(report.WorkflowFailure);
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

    [Fact]
    public void Failed_orders_and_the_equity_before_and_after_come_from_trade_executed()
    {
        var report = RunReport.From([.. SampleEvents.CompletedRun().Where(e => e.EventType != EventTypes.TradeExecuted), SampleEvents.TradesWithFailures()]);

        Assert.Equal(
            [
                new OrderFailure("URA", "buy", 164m, "trading", "insufficient buying power: $5,936.80 needed, $4,102.17 available"),
                new OrderFailure("CCJ", "buy", 31m, "trading", "limit order expired after 3 re-pricings, \"walk\" ended at the ask"),
            ],
            report.FailedOrders);
        Assert.Equal(new OrderCounts(7, 5, 2), report.Orders);
        Assert.Equal((100_050.00m, 99_900.00m), (report.AccountValueBefore, report.AccountValueAfter));
    }

    [Fact]
    public void Before_execution_reports_the_plan_equity_is_the_value_before_and_there_is_no_value_after()
    {
        var report = RunReport.From([SampleEvents.Load("SignalGenerated"), SampleEvents.Load("RebalancePlanned")]);

        Assert.Equal((100_000.00m, (decimal?)null), (report.AccountValueBefore, report.AccountValueAfter));
        Assert.Empty(report.FailedOrders);
    }

    [Fact]
    public void A_trade_report_whose_end_event_has_not_arrived_is_completed_without_a_reason()
    {
        var report = RunReport.From([SampleEvents.Load("SignalGenerated"), SampleEvents.Load("RebalancePlanned"), SampleEvents.Load("TradeExecuted")]);

        Assert.Equal((RunOutcome.Completed, (string?)null), (report.Outcome, report.Reason));
    }

    [Fact]
    public void The_workflow_failure_of_a_failed_run_is_its_first_failure()
    {
        var failed = RunReport.From([SampleEvents.Load("StrategyEvaluationFailed"), SampleEvents.Load("WorkflowFailed")]);
        var skipped = RunReport.From([SampleEvents.Envelope(new WorkflowCompleted(new DateOnly(2025, 7, 4), "skipped", "market closed", null)), SampleEvents.Load("StrategyEvaluationFailed")]);

        Assert.Equal(
            new RunFailure("execution", "trading", "the kill switch is on; no order was placed", "Check the account, turn the kill switch off, then re-run the day with force: true."),
            failed.WorkflowFailure);
        Assert.Null(skipped.WorkflowFailure);
    }

}
