using Alchemiser.Core.Brokerage;
using Alchemiser.Core.Events;
using Alchemiser.Core.Hosting;
using Alchemiser.Portfolio.Planning;

namespace Alchemiser.Functions.Tests.Portfolio;

/// <summary>The plan's shape: ordering, the comparison, totals, and the <see cref="RebalancePlanned"/> payload.</summary>
public sealed class RebalancePlanTests
{
    // Equity 10,000. Sells: CCC partial (held 60 @ 100 → 0.2), AAA and EEE full exits. Buys: BBB 0.3, DDD 0.3.
    // "aaa" (lower case) sorts after every upper-case ticker ordinally; held exactly at its 0.2 target.
    private static RebalancePlan Mixed() => new PlanningScenario(10_000m)
        .Hold("EEE", 5m, 10m)
        .Hold("CCC", 60m, 100m).Target("CCC", 0.2m)
        .Hold("AAA", 2m, 50m)
        .Hold("aaa", 20m, 100m).Target("aaa", 0.2m)
        .Target("DDD", 0.3m, 50m)
        .Target("BBB", 0.3m, 25m)
        .Plan();

    [Fact]
    public void Sells_come_before_buys_each_side_in_ordinal_symbol_order()
    {
        var plan = Mixed();

        Assert.Equal(
            [("AAA", OrderSide.Sell), ("CCC", OrderSide.Sell), ("EEE", OrderSide.Sell), ("BBB", OrderSide.Buy), ("DDD", OrderSide.Buy)],
            plan.Trades.Select(t => (t.Symbol, t.Side)));
    }

    [Fact]
    public void The_comparison_lists_every_held_or_targeted_symbol_in_ordinal_order_with_weights_of_capital()
    {
        var plan = Mixed();

        Assert.Equal(
            [
                new AllocationComparison("AAA", 0m, 0.01m, -100m),
                new AllocationComparison("BBB", 0.3m, 0m, 3_000m),
                new AllocationComparison("CCC", 0.2m, 0.6m, -4_000m),
                new AllocationComparison("DDD", 0.3m, 0m, 3_000m),
                new AllocationComparison("EEE", 0m, 0.005m, -50m),
                new AllocationComparison("aaa", 0.2m, 0.2m, 0m),
            ],
            plan.Comparison);
    }

    [Fact]
    public void Totals_add_the_estimated_notional_of_unblocked_sells_and_buys()
    {
        var plan = Mixed();

        Assert.Equal(4_150m, plan.TotalSells);
        Assert.Equal(6_000m, plan.TotalBuys);
    }

    [Fact]
    public void A_skipped_symbol_is_out_of_the_trades_but_still_in_the_comparison()
    {
        var plan = new PlanningScenario(1_000m)
            .Hold("AAA", 498m, 1m).Target("AAA", 0.5m)
            .Target("BBB", 0.5m, 10m)
            .Plan();

        Assert.DoesNotContain(plan.Trades, t => t.Symbol == "AAA");
        Assert.Equal(new AllocationComparison("AAA", 0.5m, 0.498m, 2m), plan.Comparison[0]);
        Assert.Equal(new SkippedTrade("AAA", OrderSide.Buy, 2m, PlanReasons.BelowMinimumTradeValue), Assert.Single(plan.Skipped));
    }

    [Fact]
    public void The_plan_maps_onto_RebalancePlanned_and_round_trips_through_the_event_envelope()
    {
        var plan = new PlanningScenario(10_000m)
            .Hold("AAA", 90m, 100m).Target("AAA", 0.5m)
            .Target("BBB", 0.5m, 100m)
            .Plan(new PlannerSettings { MaxOrderNotional = 4_500m });
        var tradingDate = new DateOnly(2024, 1, 17);

        var payload = plan.ToEvent(
            "dev:2024-01-17",
            tradingDate,
            line => line.Symbol == "AAA" ? [new StrategyShare("s1", 0.25m), new StrategyShare("s2", 0.75m)] : [new StrategyShare("s2", 1m)]);
        var envelope = EventEnvelope.Create(
            payload,
            EventEnvelope.DeterministicId("run-1", EventTypes.RebalancePlanned),
            "run-1",
            "run-1:SignalGenerated",
            DateTimeOffset.UnixEpoch,
            EventSources.Portfolio,
            nameof(RebalancePlanner));
        var read = EventEnvelope.FromJson(envelope.ToJson()).PayloadAs<RebalancePlanned>();

        Assert.Equal(("dev:2024-01-17", tradingDate, 10_000m, 10_000m), (read.SessionId, read.TradingDate, read.Equity, read.DeployableCapital));
        Assert.Equal(
            [
                ("AAA", "sell", 40m, 4_000m, false, (string?)null),
                ("BBB", "buy", 50m, 5_000m, true, "notional 5000.00 exceeds max order notional 4500.00"),
            ],
            read.Trades.Select(t => (t.Symbol, t.Side, t.Quantity, t.EstimatedNotional, t.Blocked, t.BlockReason)));
        Assert.Equal([new StrategyShare("s1", 0.25m), new StrategyShare("s2", 0.75m)], read.Trades[0].Attribution);
        Assert.Equal([new StrategyShare("s2", 1m)], read.Trades[1].Attribution);
        Assert.Equal(plan.Comparison, read.Comparison);
    }
}
