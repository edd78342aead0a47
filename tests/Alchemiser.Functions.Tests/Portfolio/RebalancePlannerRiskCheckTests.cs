using Alchemiser.Core.Brokerage;
using System.Collections.Frozen;
using Alchemiser.Portfolio.Planning;

namespace Alchemiser.Functions.Tests.Portfolio;

/// <summary>Pre-trade checks (ARCHITECTURE.md §8): blocked trades stay in the plan with their reason.</summary>
public sealed class RebalancePlannerRiskCheckTests
{
    // Equity 10,000: sells 40 of AAA (held 90 @ 100, target 0.5), exits OLD, buys 50 of BBB @ 100.
    private static PlanningScenario Rotation() => new PlanningScenario(10_000m)
        .Hold("AAA", 90m, 100m).Target("AAA", 0.5m)
        .Hold("OLD", 5m, 20m)
        .Target("BBB", 0.5m, 100m);

    [Fact]
    public void The_kill_switch_blocks_every_trade_and_leaves_nothing_to_execute()
    {
        var plan = Rotation().Plan(new PlannerSettings { KillSwitch = true });

        Assert.Equal(3, plan.Trades.Count);
        Assert.All(plan.Trades, t => Assert.Equal((true, PlanReasons.KillSwitch), (t.Blocked, t.Reason)));
        Assert.Equal(0m, plan.TotalSells);
        Assert.Equal(0m, plan.TotalBuys);
    }

    [Fact]
    public void The_kill_switch_wins_over_a_missing_price()
    {
        var plan = new PlanningScenario(1_000m).Target("AAA", 1m).Plan(new PlannerSettings { KillSwitch = true });

        Assert.Equal(PlanReasons.KillSwitch, Assert.Single(plan.Trades).Reason);
    }

    public static TheoryData<decimal, decimal, decimal, string?> MaxPositionWeightCases => new()
    {
        // AAA held value, AAA target weight, expected buy quantity @ 100 (0 = skipped), reason (max weight 0.35, equity 10,000)
        { 0m, 0.5m, 35m, "capped at max position weight 0.35" },
        { 1_000m, 0.5m, 25m, "capped at max position weight 0.35" },
        { 0m, 0.3m, 30m, null },
        { 3_500m, 0.5m, 0m, PlanReasons.AtMaxPositionWeight },
        { 4_000m, 0.5m, 0m, PlanReasons.AtMaxPositionWeight },
    };

    [Theory]
    [MemberData(nameof(MaxPositionWeightCases))]
    public void A_buy_is_capped_so_the_position_ends_at_the_max_position_weight(decimal heldValue, decimal weight, decimal quantity, string? reason)
    {
        var scenario = new PlanningScenario(10_000m) { BuyingPower = 10_000m };
        if (heldValue > 0m)
        {
            scenario.Hold("AAA", heldValue / 100m, 100m);
        }

        var plan = scenario.Target("AAA", weight, 100m).Target("BIL", 1m - weight).Plan(new PlannerSettings { MaxPositionWeight = 0.35m });

        var buy = plan.Trades.SingleOrDefault(t => t.Symbol == "AAA");
        if (quantity == 0m)
        {
            Assert.Null(buy);
            Assert.Equal(reason, Assert.Single(plan.Skipped, s => s.Symbol == "AAA").Reason);
        }
        else
        {
            Assert.NotNull(buy);
            Assert.Equal((quantity, false, reason), (buy.Quantity, buy.Blocked, buy.Reason));
        }
    }

    [Fact]
    public void A_trade_whose_notional_exceeds_the_max_order_notional_is_blocked_on_either_side()
    {
        var plan = Rotation().Plan(new PlannerSettings { MaxOrderNotional = 4_500m });

        var byLine = plan.Trades.ToDictionary(t => t.Symbol, t => (t.Blocked, t.Reason));
        Assert.Equal((false, (string?)null), byLine["AAA"]);
        Assert.Equal((false, (string?)null), byLine["OLD"]);
        Assert.Equal((true, "notional 5000.00 exceeds max order notional 4500.00"), byLine["BBB"]);

        var exitBlocked = Rotation().Plan(new PlannerSettings { MaxOrderNotional = 50m });
        Assert.All(exitBlocked.Trades, t => Assert.True(t.Blocked));
    }

    [Fact]
    public void The_blocklist_blocks_buys_but_lets_sells_reduce_the_exposure()
    {
        var blocklist = new[] { "BBB", "OLD" }.ToFrozenSet(StringComparer.Ordinal);

        var plan = Rotation().Plan(new PlannerSettings { Blocklist = blocklist });

        var byLine = plan.Trades.ToDictionary(t => t.Symbol, t => (t.Side, t.Blocked, t.Reason));
        Assert.Equal((OrderSide.Buy, true, PlanReasons.Blocklisted), byLine["BBB"]);
        Assert.Equal((OrderSide.Sell, false, (string?)null), byLine["OLD"]);
    }

    [Fact]
    public void A_targeted_symbol_without_a_price_stays_in_the_plan_as_a_blocked_buy()
    {
        var plan = new PlanningScenario(1_000m).Target("NOQ", 0.4m).Target("SPY", 0.6m, 100m).Plan();

        var line = Assert.Single(plan.Trades, t => t.Symbol == "NOQ");
        Assert.Equal((OrderSide.Buy, 0m, (decimal?)null, 400m, true, PlanReasons.NoPrice), (line.Side, line.Quantity, line.EstimatedPrice, line.EstimatedNotional, line.Blocked, line.Reason));
        Assert.False(Assert.Single(plan.Trades, t => t.Symbol == "SPY").Blocked);
    }

    [Fact]
    public void A_held_symbol_without_a_quote_is_sold_at_the_position_price()
    {
        var scenario = new PlanningScenario(1_000m).Hold("AAA", 10m, 50m).Target("AAA", 0.25m).Target("BIL", 0.75m, 1m);
        var prices = new Dictionary<string, decimal> { ["BIL"] = 1m };
        var assets = new Dictionary<string, AssetInfo>
        {
            ["AAA"] = new("AAA", Tradable: true, Fractionable: true),
            ["BIL"] = new("BIL", Tradable: true, Fractionable: true),
        };

        var plan = RebalancePlanner.Plan(new Dictionary<string, decimal> { ["AAA"] = 0.25m, ["BIL"] = 0.75m }, scenario.Account(), prices, assets, new PlannerSettings());

        var sell = Assert.Single(plan.Trades, t => t.Side == OrderSide.Sell);
        Assert.Equal(("AAA", 5m, 50m), (sell.Symbol, sell.Quantity, sell.EstimatedPrice!.Value));
    }

    [Fact]
    public void A_trade_in_an_asset_that_is_not_tradable_or_unknown_to_the_broker_is_blocked()
    {
        var plan = new PlanningScenario(1_000m)
            .Target("HALT", 0.5m, 10m).Asset("HALT", new AssetInfo("HALT", Tradable: false, Fractionable: true))
            .Target("NEW", 0.5m, 10m).Asset("NEW", null)
            .Plan();

        Assert.Equal(
            [("HALT", PlanReasons.NotTradable), ("NEW", PlanReasons.NoAssetInfo)],
            plan.Trades.Select(t => (t.Symbol, t.Blocked ? t.Reason : "not blocked")));
    }

    public static TheoryData<decimal, decimal, bool, string?> BuyingPowerCases => new()
    {
        // buying power, BBB quantity (whole shares @ 100), blocked, reason — sells of AAA bring in 4,000
        { 1_000m, 50m, false, null },
        { 500m, 45m, false, PlanReasons.CappedToBuyingPower },
        { -3_999m, 0m, true, PlanReasons.InsufficientBuyingPower },
    };

    [Theory]
    [MemberData(nameof(BuyingPowerCases))]
    public void Buys_are_funded_from_buying_power_plus_the_plans_sell_proceeds(decimal buyingPower, decimal quantity, bool blocked, string? reason)
    {
        var plan = new PlanningScenario(10_000m) { BuyingPower = buyingPower }
            .Hold("AAA", 90m, 100m).Target("AAA", 0.5m)
            .Target("BBB", 0.5m, 100m, fractionable: false)
            .Plan();

        var buy = Assert.Single(plan.Trades, t => t.Side == OrderSide.Buy);
        Assert.Equal((blocked, reason), (buy.Blocked, buy.Reason));
        if (!blocked)
        {
            Assert.Equal(quantity, buy.Quantity);
            Assert.Equal(quantity * 100m, plan.TotalBuys);
        }
    }

    [Fact]
    public void Short_buying_power_scales_every_buy_by_the_same_factor_so_no_symbol_is_favoured()
    {
        // Two 5,000 buys, 5,000 to spend: each gets half, whatever its name.
        var plan = new PlanningScenario(10_000m) { BuyingPower = 5_000m }
            .Target("AAA", 0.5m, 100m)
            .Target("ZZZ", 0.5m, 100m)
            .Plan();

        Assert.Equal([("AAA", 25m), ("ZZZ", 25m)], plan.Trades.Select(t => (t.Symbol, t.Quantity)));
        Assert.All(plan.Trades, t => Assert.Equal(PlanReasons.CappedToBuyingPower, t.Reason));
        Assert.Equal(5_000m, plan.TotalBuys);
    }
}
