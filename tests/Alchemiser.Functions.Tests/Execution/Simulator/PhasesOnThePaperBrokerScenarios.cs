using Alchemiser.Core.Brokerage;
using Alchemiser.Core.Events;
using Alchemiser.Functions.Tests.Support;
using static Alchemiser.Functions.Tests.Execution.Simulator.PaperAfternoon;

namespace Alchemiser.Functions.Tests.Execution.Simulator;

/// <summary>
/// Sells first and to the end, then buys sized to the buying power the simulator reports: cash less what open buys
/// reserve (the limit, or the ask a market buy was placed at). Derive and say how execution reaches the paper broker
/// (<see cref="Venue"/>).
/// </summary>
public abstract class PhasesOnThePaperBrokerScenarios
{
    /// <summary>How execution reaches the paper broker.</summary>
    protected abstract IPaperVenue Venue { get; }

    private Task<PaperAfternoon> AfternoonAsync(decimal initialCash) => PaperAfternoon.StartAsync(Venue, initialCash);

    [Fact]
    public async Task Buys_the_cash_cannot_pay_for_are_scaled_pro_rata_before_the_first_order_and_the_scaled_buys_complete_without_a_failure()
    {
        await using var sim = await AfternoonAsync(initialCash: 10_000m);
        sim.Quote("URA", 0, 36.00m, 36.20m);
        sim.Quote("CCJ", 0, 73.00m, 73.10m);
        sim.Quote("URA", 3, 36.00m, 36.10m); // both asks come down to step 1's limits
        sim.Quote("CCJ", 3, 73.00m, 73.05m);

        // Sized on 20 000 of equity; the account has 10 000. At the asks the buys cost 200 × 36.20 + 100 × 73.10 = 14 550,
        // over 10 000 × (1 − 0.005) = 9 950: every buy × 0.6838..., whole shares rounded down.
        await sim.RunAsync(Plan(20_000m, Buy("URA", 200m, 36.10m), Buy("CCJ", 100m, 73.05m)));

        Assert.Equal(
            [("URA", "1", 136m, OrderStatus.Filled), ("CCJ", "1", 68m, OrderStatus.Filled)],
            (await sim.OrdersAsync()).Select(o => (o.Symbol, StepOf(o), o.Quantity, o.Status)));
        Assert.All(sim.Broker.Calls, c => Assert.Null(c.Refusal));
        var account = await sim.Paper.GetAccountAsync();
        Assert.Equal(10_000m - (136m * 36.10m) - (68m * 73.05m), account.Cash);
        Assert.Equal(account.Cash, account.BuyingPower);
        Assert.Equal((136m, 68m), (await sim.PositionAsync("URA"), await sim.PositionAsync("CCJ")));
        // Both fill on the tick at 3 s; the ledger orders fills of one instant by broker order id, which is Alpaca's UUID over HTTP.
        Assert.Equal([("CCJ", 68m), ("URA", 136m)], (await sim.LedgerAsync()).Select(r => (r.Symbol, r.Quantity)).OrderBy(r => r.Symbol, StringComparer.Ordinal));
        await sim.AssertLedgerAgreesWithBrokerAsync();

        // As ExecutionService documents it: a buy scaled to what the account pays is not a failure; only a buy scaled to nothing is.
        var report = sim.PublishedReport();
        Assert.Equal([("URA", 136m, 36.10m), ("CCJ", 68m, 73.05m)], report.Fills.Select(f => (f.Symbol, f.Quantity, f.Price)));
        Assert.Empty(report.FailedOrders);
        Assert.Equal((2, 2, 0), (report.OrdersPlaced, report.OrdersFilled, report.OrdersFailed));
        Assert.Equal((20_000m, account.Equity), (report.EquityBefore, report.EquityAfter)); // before: the equity the plan was sized on, the same on every delivery
        Assert.Equal(EventTypes.WorkflowCompleted, sim.Events.Published[^1].EventType);
    }

    [Fact]
    public async Task A_market_buy_the_broker_refuses_for_buying_power_is_cut_to_what_is_left_and_the_shortfall_is_a_failed_order()
    {
        await using var sim = await AfternoonAsync(initialCash: 10_000m);
        sim.Quote("URA", 0, 36.00m, 36.20m);
        sim.Quote("CCJ", 0, 73.00m, 73.10m);
        sim.Quote("CCJ", 25, 79.90m, 80.00m); // CCJ jumps after its last limit step

        // Scaled to 136 URA and 68 CCJ as above; no limit step fills. At 30 s URA's market order holds 136 × 36.20 =
        // 4 923.20, leaving 5 076.80: the broker refuses 68 CCJ at market (68 × 80 = 5 440); 5 076.80 × 0.995 / 80 buys 63.
        await sim.RunAsync(Plan(20_000m, Buy("URA", 200m, 36.10m), Buy("CCJ", 100m, 73.05m)));

        Assert.Equal(
            [("submit", "1", null), ("replace", "2", null), ("replace", "3", null), ("cancel", "3", null), ("submit", "m", (RejectionReason?)RejectionReason.InsufficientBuyingPower), ("submit", "m", null)],
            sim.Broker.Calls.Where(c => c.ClientOrderId.Contains("-CCJ-", StringComparison.Ordinal)).Select(c => (c.Kind, StepOf(c.ClientOrderId), c.Refusal)));
        var market = await sim.OrderAsync(Id("CCJ", "buy", "m"));
        Assert.Equal((63m, OrderStatus.Filled, (decimal?)80.00m), (market.Quantity, market.Status, market.FilledAveragePrice));
        Assert.Equal((136m, 63m), (await sim.PositionAsync("URA"), await sim.PositionAsync("CCJ")));
        var account = await sim.Paper.GetAccountAsync();
        Assert.Equal(10_000m - (136m * 36.20m) - (63m * 80.00m), account.Cash);
        Assert.True(account.Cash >= 0m, "the buys never spend more cash than the account has"); // the simulator lets cash dip below 0 only when a market buy fills above the ask it was placed at
        Assert.Equal(account.Cash, account.BuyingPower);
        Assert.Equal([("URA", "m", 136m), ("CCJ", "m", 63m)], (await sim.LedgerAsync()).Select(r => (r.Symbol, StepOf(r.ClientOrderId), r.Quantity)));
        await sim.AssertLedgerAgreesWithBrokerAsync();

        var report = sim.PublishedReport();
        Assert.Equal(new OrderFailure("CCJ", "buy", 5m, "trading", "insufficient buying power"), Assert.Single(report.FailedOrders));
        Assert.Equal((8, 1, 1), (report.OrdersPlaced, report.OrdersFilled, report.OrdersFailed));
        var failed = sim.Events.OfType(EventTypes.WorkflowFailed).Single().PayloadAs<WorkflowFailed>();
        Assert.Equal("1 of 2 trades did not fully execute: CCJ buy 5 unfilled (insufficient buying power)", failed.Reason);
    }

    [Fact]
    public async Task Every_sell_is_final_before_the_first_buy_is_submitted_and_the_buy_is_paid_with_the_cash_the_sells_freed()
    {
        await using var sim = await AfternoonAsync(initialCash: (400m * 24.75m) + (10m * 86.35m)); // all of it goes into the holdings
        await sim.HoldAsync("SOXL", 400m, 24.75m);
        await sim.HoldAsync("TECL", 10m, 86.35m);
        sim.Quote("SOXL", 0, 24.70m, 24.80m); // never bid at a limit: sold at market at 31 s
        sim.Quote("TECL", 0, 86.30m, 86.40m);
        sim.Quote("TECL", 12, 86.33m, 86.40m); // bid up to step 2's 86.33
        sim.Quote("URA", 0, 36.00m, 36.20m);
        sim.Quote("URA", 35, 36.00m, 36.10m); // offered at step 1's 36.10 once the buys are out
        Assert.Equal(0m, (await sim.Paper.GetAccountAsync()).Cash);

        await sim.RunAsync(Plan(Sell("SOXL", 400m, 24.75m), Buy("URA", 200m, 36.10m), Sell("TECL", 10m, 86.35m)));

        var orders = await sim.OrdersAsync();
        var sells = orders.Where(o => o.Side == OrderSide.Sell).ToList();
        var buys = orders.Where(o => o.Side == OrderSide.Buy).ToList();
        Assert.All(sells, s => Assert.False(s.IsOpen));
        Assert.True(sells.Max(s => s.UpdatedAt) <= buys.Min(b => b.SubmittedAt), "the last sell ended before the first buy was submitted");
        Assert.Equal(At(31), buys.Min(b => b.SubmittedAt));
        Assert.Equal(
            sim.Broker.Calls.Count(c => c.ClientOrderId.Contains("-sell-", StringComparison.Ordinal)),
            sim.Broker.Calls.TakeWhile(c => c.ClientOrderId.Contains("-sell-", StringComparison.Ordinal)).Count());
        Assert.Equal(
            [("TECL", "2", 10m, 86.33m), ("SOXL", "m", 400m, 24.70m), ("URA", "1", 200m, 36.10m)],
            orders.Where(o => o.Status == OrderStatus.Filled).OrderBy(o => o.FilledAt).Select(o => (o.Symbol, StepOf(o), o.FilledQuantity, o.FilledAveragePrice!.Value)));

        // 0 cash at the start: only the sells' 10 743.30 pays for the 200 URA, bought unscaled.
        Assert.Equal(200m, Assert.Single(buys).Quantity);
        var account = await sim.Paper.GetAccountAsync();
        Assert.Equal((400m * 24.70m) + (10m * 86.33m) - (200m * 36.10m), account.Cash);
        Assert.Equal([("URA", 200m)], (await sim.Paper.GetPositionsAsync()).Select(p => (p.Symbol, p.Quantity)));
        await sim.AssertLedgerAgreesWithBrokerAsync();

        var report = sim.PublishedReport();
        Assert.Equal(["SOXL", "TECL", "URA"], report.Fills.Select(f => f.Symbol));
        Assert.Equal((0, 3), (report.OrdersFailed, report.OrdersFilled));
        Assert.Equal(EventTypes.WorkflowCompleted, sim.Events.Published[^1].EventType);
    }
}
