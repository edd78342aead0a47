using Alchemiser.Core.Brokerage;
using Alchemiser.Core.Events;
using Alchemiser.Functions.Tests.Execution.Support;
using static Alchemiser.Functions.Tests.Execution.Support.ExecutionScenario;

namespace Alchemiser.Functions.Tests.Execution;

/// <summary>One trade walked through the spread: limit steps 10 s apart, then market for what is left.</summary>
public sealed class SpreadWalkTests
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(10);
    private readonly ExecutionScenario _run = new();

    private IEnumerable<(string Kind, string Step, decimal Quantity, decimal? Limit)> Actions(string symbol) =>
        _run.Broker.Actions.Where(a => a.Symbol == symbol).Select(a => (a.Kind, a.ClientOrderId[(a.ClientOrderId.LastIndexOf('-') + 1)..], a.Quantity, a.LimitPrice));

    [Fact]
    public async Task A_buy_that_never_fills_at_a_limit_walks_three_steps_ten_seconds_apart_then_buys_the_rest_at_market()
    {
        _run.Quote("URA", 36.00m, 36.20m);
        var start = _run.Clock.UtcNow;

        await _run.RunAsync(_run.Plan(Buy("URA", 100m)));

        Assert.Equal(
            [("submit", "1", 100m, (decimal?)36.10m), ("replace", "2", 100m, 36.15m), ("replace", "3", 100m, 36.19m), ("cancel", "3", 100m, 36.19m), ("submit", "m", 100m, null)],
            Actions("URA"));
        Assert.Equal([start, start + Step, start + (2 * Step), start + (3 * Step), start + (3 * Step)], _run.Broker.Actions.Select(a => a.At));
        var market = _run.Broker.OrdersOf("URA")[^1];
        Assert.Equal((OrderStatus.Filled, 100m, 36.20m), (market.Status, market.FilledQuantity, market.FilledAveragePrice));
    }

    [Fact]
    public async Task A_buy_that_fills_at_step_two_places_no_third_step_and_no_market_order()
    {
        _run.Quote("URA", 36.00m, 36.20m);
        _run.Broker.FillOnPlacement("URA", "2");

        var result = await _run.RunAsync(_run.Plan(Buy("URA", 100m)));

        Assert.Equal([("submit", "1", 100m, (decimal?)36.10m), ("replace", "2", 100m, 36.15m)], Actions("URA"));
        Assert.Equal([Step], _run.Clock.Delays);
        var fill = Assert.Single(result.Report.Fills);
        Assert.Equal((100m, 36.15m, Id("URA", "buy", "2")), (fill.Quantity, fill.Price, fill.ClientOrderId));
        Assert.Equal((2, 1, 0), (result.Report.OrdersPlaced, result.Report.OrdersFilled, result.Report.OrdersFailed));
    }

    [Fact]
    public async Task A_partial_fill_is_kept_each_replacement_asks_only_for_the_rest_and_market_buys_what_is_left()
    {
        _run.Quote("URA", 36.00m, 36.20m);
        _run.Broker.FillOnPlacement("URA", "1", quantity: 40m);

        var result = await _run.RunAsync(_run.Plan(Buy("URA", 100m)));

        Assert.Equal(
            [("submit", "1", 100m, (decimal?)36.10m), ("replace", "2", 60m, 36.15m), ("replace", "3", 60m, 36.19m), ("cancel", "3", 60m, 36.19m), ("submit", "m", 60m, null)],
            Actions("URA"));
        Assert.Equal([(40m, 36.10m), (60m, 36.20m)], result.Report.Fills.Select(f => (f.Quantity, f.Price)));
        Assert.Equal(100m, _run.Broker.Position("URA"));
        Assert.Equal([(Id("URA", "buy", "1"), 40m), (Id("URA", "buy", "m"), 60m)], (await _run.Ledger.ByCorrelationAsync(CorrelationId)).Select(f => (f.ClientOrderId, f.Quantity)));
    }

    [Fact]
    public async Task A_sell_that_never_fills_at_a_limit_sells_at_the_bid_in_the_market_step()
    {
        _run.Quote("SOXL", 24.70m, 24.80m);
        _run.Broker.Hold("SOXL", 403m);

        var result = await _run.RunAsync(_run.Plan(Sell("SOXL", 403m, 24.75m)));

        Assert.Equal(
            [("submit", "1", 403m, (decimal?)24.75m), ("replace", "2", 403m, 24.73m), ("replace", "3", 403m, 24.71m), ("cancel", "3", 403m, 24.71m), ("submit", "m", 403m, null)],
            Actions("SOXL"));
        var fill = Assert.Single(result.Report.Fills);
        Assert.Equal((403m, 24.70m, 20.20m), (fill.Quantity, fill.Price, fill.SlippageBps)); // 5 cents under the 24.75 mid
        Assert.Equal(0m, _run.Broker.Position("SOXL"));
    }

    [Fact]
    public async Task The_fractional_remainder_goes_at_once_as_a_market_order_beside_the_first_limit_step()
    {
        _run.Quote("BIL", 91.60m, 91.70m);
        _run.Broker.FillOnPlacement("BIL", "1");

        var result = await _run.RunAsync(_run.Plan(Buy("BIL", 10.5m, 91.65m)));

        Assert.Equal([("submit", "1", 10m, (decimal?)91.65m), ("submit", "f", 0.5m, null)], Actions("BIL"));
        Assert.All(_run.Broker.Actions, a => Assert.Equal(_run.Broker.Actions[0].At, a.At));
        Assert.Equal([(10m, 91.65m), (0.5m, 91.70m)], result.Report.Fills.Select(f => (f.Quantity, f.Price)));
        Assert.Equal(10.5m, _run.Broker.Position("BIL"));
        Assert.Equal("WorkflowCompleted", result.Published[1].EventType);
    }

    [Fact]
    public async Task A_stale_quote_prices_every_step_at_the_last_trade_and_leaves_slippage_unknown()
    {
        _run.Broker.SetQuote("URA", 36.00m, 36.20m, at: _run.Clock.UtcNow - TimeSpan.FromMinutes(2));
        _run.Broker.SetLastTrade("URA", 36.137m);
        _run.Broker.FillOnPlacement("URA", "3");

        var result = await _run.RunAsync(_run.Plan(Buy("URA", 100m)));

        Assert.Equal([36.13m, 36.13m, 36.13m], _run.Broker.Actions.Select(a => a.LimitPrice!.Value));
        Assert.Null(Assert.Single(result.Report.Fills).SlippageBps);
    }

    [Fact]
    public async Task A_zero_quote_falls_back_to_the_last_trade()
    {
        _run.Broker.SetQuote("URA", 0m, 0m);
        _run.Broker.SetLastTrade("URA", 36.10m);
        _run.Broker.FillOnPlacement("URA", "1");

        await _run.RunAsync(_run.Plan(Buy("URA", 100m)));

        Assert.Equal([("submit", "1", 100m, (decimal?)36.10m)], Actions("URA"));
    }

    [Fact]
    public async Task With_neither_quote_nor_last_trade_the_limit_steps_are_skipped_and_the_trade_goes_to_market_at_once()
    {
        _run.Broker.Hold("XYZ", 10m);
        _run.Broker.FillOnPlacement("XYZ", "m", price: 12.34m);

        var result = await _run.RunAsync(_run.Plan(Sell("XYZ", 10m)));

        Assert.Equal([("submit", "m", 10m, (decimal?)null)], Actions("XYZ"));
        Assert.Empty(_run.Clock.Delays);
        Assert.Equal((10m, 12.34m, (decimal?)null), (result.Report.Fills[0].Quantity, result.Report.Fills[0].Price, result.Report.Fills[0].SlippageBps));
    }

    [Fact]
    public async Task Five_sells_that_fill_only_at_market_share_three_step_waits_instead_of_fifteen()
    {
        string[] symbols = ["AAA", "BBB", "CCC", "DDD", "EEE"];
        foreach (var symbol in symbols)
        {
            _run.Quote(symbol, 50.00m, 50.10m);
            _run.Broker.Hold(symbol, 20m);
        }

        var start = _run.Clock.UtcNow;
        var result = await _run.RunAsync(_run.Plan([.. symbols.Select(s => Sell(s, 20m, 50m))]));

        Assert.Equal([Step, Step, Step], _run.Clock.Delays);
        Assert.Equal(start + (3 * Step), _run.Clock.UtcNow);
        Assert.Equal((20, 5, 0), (result.Report.OrdersPlaced, result.Report.OrdersFilled, result.Report.OrdersFailed));
        Assert.Equal(5, _run.Broker.Actions.Count(a => a.At == start + Step && a.Kind == "replace"));
    }

    [Fact]
    public async Task A_market_order_still_open_after_the_final_state_timeout_fails_the_delivery_so_it_is_redelivered()
    {
        _run.Quote("URA", 36.00m, 36.20m);
        _run.Broker.LeaveMarketOrdersOpen("URA");
        var start = _run.Clock.UtcNow;

        var error = await Assert.ThrowsAsync<Alchemiser.Execution.OrderNotFinalException>(() => _run.RunAsync(_run.Plan(Buy("URA", 100m))));

        Assert.Equal(Id("URA", "buy", "m"), error.Order.ClientOrderId);
        Assert.Equal(start + (3 * Step) + TimeSpan.FromSeconds(30), _run.Clock.UtcNow);
        Assert.Empty(_run.Events.Published);
    }
}
