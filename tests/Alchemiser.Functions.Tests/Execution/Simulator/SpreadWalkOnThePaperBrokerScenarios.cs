using Alchemiser.Core.Brokerage;
using Alchemiser.Core.Events;
using Alchemiser.Functions.Tests.Support;
using static Alchemiser.Functions.Tests.Execution.Simulator.PaperAfternoon;

namespace Alchemiser.Functions.Tests.Execution.Simulator;

/// <summary>
/// One trade walked through the spread on the paper-broker simulator: resting limit orders fill when the scripted
/// market comes to them (at most the displayed size a tick), and the market order fills one tick after it is sent.
/// Derive and say how execution reaches the paper broker (<see cref="Venue"/>).
/// </summary>
public abstract class SpreadWalkOnThePaperBrokerScenarios : IAsyncLifetime
{
    private PaperAfternoon _sim = null!;

    /// <summary>How execution reaches the paper broker.</summary>
    protected abstract IPaperVenue Venue { get; }

    public async Task InitializeAsync() => _sim = await PaperAfternoon.StartAsync(Venue);

    public async Task DisposeAsync()
    {
        if (_sim is not null)
        {
            await _sim.DisposeAsync(); // not set when the afternoon failed to start
        }
    }

    [Fact]
    public async Task A_buy_whose_ask_falls_to_the_step_two_limit_after_the_first_wait_fills_once_at_step_two_with_no_market_order()
    {
        _sim.Quote("URA", 0, 36.00m, 36.20m);
        _sim.Quote("URA", 12, 36.00m, 36.15m); // step 2 went out at 10 s at 36.15

        await _sim.RunAsync(Plan(Buy("URA", 100m, 36.10m)));

        var orders = await _sim.OrdersAsync();
        Assert.Equal(
            [("1", OrderType.Limit, 100m, (decimal?)36.10m, OrderStatus.Replaced, 0m), ("2", OrderType.Limit, 100m, 36.15m, OrderStatus.Filled, 100m)],
            orders.Select(o => (StepOf(o), o.Type, o.Quantity, o.LimitPrice, o.Status, o.FilledQuantity)));
        var (first, second) = (orders[0], orders[1]);
        Assert.Equal(second.Id, first.ReplacedBy);
        Assert.Equal([(100m, 36.15m, At(12))], (await _sim.ExecutionsAsync(second.Id)).Select(e => (e.Quantity, e.Price, e.ExecutedAt)));
        Assert.Equal([("submit", "1"), ("replace", "2")], _sim.Broker.Calls.Select(c => (c.Kind, StepOf(c.ClientOrderId))));
        Assert.Equal(100m, await _sim.PositionAsync("URA"));
        Assert.Equal(100_000m - (100m * 36.15m), (await _sim.Paper.GetAccountAsync()).Cash);

        var row = Assert.Single(await _sim.LedgerAsync());
        Assert.Equal((second.Id, Id("URA", "buy", "2"), 100m, 36.15m, At(12)), (row.FillId, row.ClientOrderId, row.Quantity, row.Price, row.FilledAt));
        await _sim.AssertLedgerAgreesWithBrokerAsync();

        var report = _sim.PublishedReport();
        var fill = Assert.Single(report.Fills);
        Assert.Equal(
            ("URA", "buy", 100m, 36.15m, Id("URA", "buy", "2"), second.Id, (decimal?)13.85m), // 5 cents over the 36.10 arrival mid
            (fill.Symbol, fill.Side, fill.Quantity, fill.Price, fill.ClientOrderId, fill.OrderId, fill.SlippageBps));
        Assert.Equal((2, 1, 0), (report.OrdersPlaced, report.OrdersFilled, report.OrdersFailed));
        Assert.Empty(report.FailedOrders);
        Assert.Equal([EventTypes.TradeExecuted, EventTypes.WorkflowCompleted], _sim.Events.Published.Select(e => e.EventType));
    }

    [Fact]
    public async Task A_thin_offer_fills_part_of_each_limit_step_the_market_order_buys_the_rest_and_the_ledger_adds_up_to_the_plan()
    {
        _sim.Quote("URA", 0, 36.00m, 36.20m);
        _sim.Quote("URA", 4, 36.00m, 36.05m, askSize: 10m); // two ticks of a thin offer under step 1's 36.10
        _sim.Quote("URA", 5, 36.00m, 36.08m, askSize: 20m);
        _sim.Quote("URA", 6, 36.00m, 36.20m);
        _sim.Quote("URA", 14, 36.00m, 36.15m, askSize: 20m); // one tick at step 2's 36.15
        _sim.Quote("URA", 15, 36.00m, 36.20m);

        await _sim.RunAsync(Plan(Buy("URA", 100.5m, 36.10m)));

        var orders = await _sim.OrdersAsync();
        Assert.Equal(
            [
                ("1", 100m, (decimal?)36.10m, OrderStatus.Replaced, 30m),
                ("f", 0.5m, null, OrderStatus.Filled, 0.5m),
                ("2", 70m, 36.15m, OrderStatus.Replaced, 20m),
                ("3", 50m, 36.19m, OrderStatus.Canceled, 0m),
                ("m", 50m, null, OrderStatus.Filled, 50m),
            ],
            orders.Select(o => (StepOf(o), o.Quantity, o.LimitPrice, o.Status, o.FilledQuantity)));
        Assert.Equal([(10m, 36.05m, At(4)), (20m, 36.08m, At(5))], (await _sim.ExecutionsAsync(orders[0].Id)).Select(e => (e.Quantity, e.Price, e.ExecutedAt)));
        Assert.Equal([(20m, 36.15m, At(14))], (await _sim.ExecutionsAsync(orders[2].Id)).Select(e => (e.Quantity, e.Price, e.ExecutedAt)));
        Assert.Equal(100.5m, await _sim.PositionAsync("URA"));
        var spent = (10m * 36.05m) + (20m * 36.08m) + (0.5m * 36.20m) + (20m * 36.15m) + (50m * 36.20m);
        Assert.Equal(100_000m - spent, (await _sim.Paper.GetAccountAsync()).Cash);

        var rows = await _sim.LedgerAsync();
        Assert.Equal(100.5m, rows.Sum(r => r.Quantity));
        Assert.Equal(spent, rows.Sum(r => r.Notional));
        await _sim.AssertLedgerAgreesWithBrokerAsync();

        var report = _sim.PublishedReport();
        Assert.Equal(
            [("1", 30m, 36.07m, (decimal?)-8.31m), ("2", 20m, 36.15m, 13.85m), ("m", 50m, 36.20m, 27.70m), ("f", 0.5m, 36.20m, 27.70m)],
            report.Fills.Select(f => (StepOf(f.ClientOrderId), f.Quantity, f.Price, f.SlippageBps)));
        Assert.Equal((5, 1, 0), (report.OrdersPlaced, report.OrdersFilled, report.OrdersFailed));
        Assert.Empty(report.FailedOrders);
    }

    [Fact]
    public async Task A_sell_whose_bid_never_reaches_a_limit_is_replaced_twice_then_cancelled_and_sold_at_the_bid_by_the_market_order()
    {
        await _sim.HoldAsync("SOXL", 403m, 24.75m);
        _sim.Quote("SOXL", 0, 24.70m, 24.80m);

        await _sim.RunAsync(Plan(Sell("SOXL", 403m, 24.75m)));

        var orders = await _sim.OrdersAsync();
        Assert.Equal(
            [
                ("1", OrderType.Limit, (decimal?)24.75m, At(0), OrderStatus.Replaced),
                ("2", OrderType.Limit, 24.73m, At(10), OrderStatus.Replaced),
                ("3", OrderType.Limit, 24.71m, At(20), OrderStatus.Canceled),
                ("m", OrderType.Market, null, At(30), OrderStatus.Filled),
            ],
            orders.Select(o => (StepOf(o), o.Type, o.LimitPrice, o.SubmittedAt, o.Status)));
        Assert.Equal((orders[1].Id, orders[2].Id, At(30)), (orders[0].ReplacedBy, orders[1].ReplacedBy, orders[2].UpdatedAt));
        Assert.All(orders.Take(3), o => Assert.Equal((403m, 0m), (o.Quantity, o.FilledQuantity)));
        var market = orders[3];
        Assert.Equal((403m, 403m, (decimal?)24.70m, (DateTimeOffset?)At(31)), (market.Quantity, market.FilledQuantity, market.FilledAveragePrice, market.FilledAt));
        Assert.Equal(
            [("submit", "1"), ("replace", "2"), ("replace", "3"), ("cancel", "3"), ("submit", "m")],
            _sim.Broker.Calls.Select(c => (c.Kind, StepOf(c.ClientOrderId))));
        Assert.Equal(0m, await _sim.PositionAsync("SOXL"));
        Assert.Equal(100_000m - (403m * 24.75m) + (403m * 24.70m), (await _sim.Paper.GetAccountAsync()).Cash);

        var row = Assert.Single(await _sim.LedgerAsync());
        Assert.Equal((market.Id, Id("SOXL", "sell", "m"), "sell", 403m, 24.70m, At(31)), (row.FillId, row.ClientOrderId, row.Side, row.Quantity, row.Price, row.FilledAt));
        await _sim.AssertLedgerAgreesWithBrokerAsync();

        var report = _sim.PublishedReport();
        var fill = Assert.Single(report.Fills);
        Assert.Equal((Id("SOXL", "sell", "m"), 403m, 24.70m, (decimal?)20.20m), (fill.ClientOrderId, fill.Quantity, fill.Price, fill.SlippageBps)); // 5 cents under the 24.75 mid
        Assert.Equal((4, 1, 0), (report.OrdersPlaced, report.OrdersFilled, report.OrdersFailed));
    }
}
