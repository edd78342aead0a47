using Alchemiser.Core.Events;
using Alchemiser.Core.Trading;
using Alchemiser.Functions.Tests.Execution.Support;
using static Alchemiser.Functions.Tests.Execution.Support.ExecutionScenario;

namespace Alchemiser.Functions.Tests.Execution;

/// <summary>What execution records and tells: ledger rows per filled order, TradeExecuted and the run's end, published together.</summary>
public sealed class OutcomeTests
{
    private readonly ExecutionScenario _run = new();

    [Fact]
    public async Task Trade_executed_and_the_runs_end_go_out_in_one_publish_with_deterministic_ids_caused_by_the_plan()
    {
        _run.Quote("URA", 36.00m, 36.20m);
        _run.Broker.FillOnPlacement("URA", "1");

        await _run.RunAsync(_run.Plan(Buy("URA", 10m, 36.10m)));

        var batch = Assert.Single(_run.Events.Batches);
        Assert.Equal(
            [($"{CorrelationId}:TradeExecuted", "TradeExecuted"), ($"{CorrelationId}:WorkflowCompleted", "WorkflowCompleted")],
            batch.Select(e => (e.EventId, e.EventType)));
        Assert.All(batch, e => Assert.Equal((CorrelationId, PlanEventId, "execution"), (e.CorrelationId, e.CausationId, e.SourceModule)));
        Assert.Equal(new WorkflowCompleted(TradingDate, "completed", null, "test:2025-06-30"), batch[1].PayloadAs<WorkflowCompleted>());
    }

    [Fact]
    public async Task Trade_executed_counts_orders_trades_and_failures_and_reports_equity_before_and_after()
    {
        _run.Quote("SOXL", 24.70m, 24.80m);
        _run.Quote("URA", 36.00m, 36.20m);
        _run.Quote("CCJ", 73.00m, 73.10m);
        _run.Broker.Hold("SOXL", 100m);
        _run.Broker.FillOnPlacement("URA", "2");
        _run.Broker.Reject("CCJ", "1", Alchemiser.Core.Brokerage.RejectionReason.MarketClosed, "market is closed");

        var result = await _run.RunAsync(_run.Plan(Sell("SOXL", 100m, 24.75m), Buy("URA", 10m, 36.10m), Buy("CCJ", 5m, 73.05m)));

        var report = _run.Events.Published[0].PayloadAs<TradeExecuted>();
        Assert.Equal(result.Report, report, TradeExecutedComparer.Instance);
        Assert.Equal((6, 2, 1), (report.OrdersPlaced, report.OrdersFilled, report.OrdersFailed)); // SOXL 1, 2, 3, m; URA 1, 2
        Assert.Equal(
            [("SOXL", "sell", 100m, 24.70m, Id("SOXL", "sell", "m"), (decimal?)20.20m), ("URA", "buy", 10m, 36.15m, Id("URA", "buy", "2"), 13.85m)],
            report.Fills.Select(f => (f.Symbol, f.Side, f.Quantity, f.Price, f.ClientOrderId, f.SlippageBps)));
        Assert.Equal(new OrderFailure("CCJ", "buy", 5m, "trading", "market is closed"), Assert.Single(report.FailedOrders));
        var account = await _run.Broker.GetAccountAsync();
        Assert.Equal((100_000m, account.Equity), (report.EquityBefore, report.EquityAfter));
        Assert.Equal(("test:2025-06-30", TradingDate), (report.SessionId, report.TradingDate));
    }

    [Fact]
    public async Task A_run_with_a_failed_trade_ends_with_workflow_failed_naming_the_symbol_on_one_line()
    {
        _run.Quote("CCJ", 73.00m, 73.10m);
        _run.Broker.Reject("CCJ", "1", Alchemiser.Core.Brokerage.RejectionReason.Invalid, "qty must be\nwhole");

        await _run.RunAsync(_run.Plan(Buy("CCJ", 5m, 73.05m)));

        var failed = _run.Events.Published[1];
        Assert.Equal($"{CorrelationId}:WorkflowFailed", failed.EventId);
        var payload = failed.PayloadAs<WorkflowFailed>();
        Assert.Equal(
            (TradingDate, "test:2025-06-30", "trading", "1 of 1 trades did not fully execute: CCJ buy 5 unfilled (qty must be whole)", "execution"),
            (payload.TradingDate, payload.SessionId, payload.Category, payload.Reason, payload.FailedStep));
        Assert.Empty(payload.FailedStrategies);
        Assert.Contains("buying power", payload.RemediationHint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_filled_order_is_one_ledger_row_whose_strategy_parts_sum_to_the_fill()
    {
        _run.Quote("BIL", 91.60m, 91.70m);
        _run.Broker.FillOnPlacement("BIL", "1", quantity: 20m);

        await _run.RunAsync(_run.Plan(Buy("BIL", 53m, 91.65m, new StrategyShare("tecl", 0.55m), new StrategyShare("klm", 0.45m))));

        var rows = await _run.Ledger.ByCorrelationAsync(CorrelationId);
        Assert.Equal(
            [(Id("BIL", "buy", "1"), 20m, 91.65m), (Id("BIL", "buy", "m"), 33m, 91.70m)],
            rows.Select(r => (r.ClientOrderId, r.Quantity, r.Price)));
        Assert.Equal([new StrategyAttribution("tecl", 11m), new StrategyAttribution("klm", 9m)], rows[0].Attribution);
        Assert.Equal([new StrategyAttribution("tecl", 18.15m), new StrategyAttribution("klm", 14.85m)], rows[1].Attribution);
        Assert.All(rows, r => Assert.Equal(r.Quantity, r.Attribution.Sum(a => a.Quantity)));
        Assert.All(rows, r => Assert.Equal((r.FillId, FillSides.Buy, TradingDate, _run.Clock.UtcNow), (r.BrokerOrderId!, r.Side, r.TradingDate, r.RecordedAt)));
        var broker = _run.Broker.OrdersOf("BIL");
        Assert.Equal(broker[0].UpdatedAt, rows[0].FilledAt); // partially filled, then replaced: no fill time, so its last update
        Assert.Equal(broker[^1].FilledAt, rows[1].FilledAt);
    }

    /// <summary>Compares TradeExecuted payloads by value, lists included.</summary>
    private sealed class TradeExecutedComparer : IEqualityComparer<TradeExecuted>
    {
        public static TradeExecutedComparer Instance { get; } = new();

        public bool Equals(TradeExecuted? x, TradeExecuted? y) =>
            x is not null && y is not null
            && System.Text.Json.JsonSerializer.Serialize(x, TradeExecuted.JsonTypeInfo) == System.Text.Json.JsonSerializer.Serialize(y, TradeExecuted.JsonTypeInfo);

        public int GetHashCode(TradeExecuted obj) => obj.OrdersPlaced;
    }
}
