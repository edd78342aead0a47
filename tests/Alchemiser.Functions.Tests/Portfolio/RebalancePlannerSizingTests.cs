using Alchemiser.Core.Brokerage;
using Alchemiser.Core.Errors;
using Alchemiser.Portfolio.Planning;

namespace Alchemiser.Functions.Tests.Portfolio;

/// <summary>How the planner turns target weights into quantities: deltas, thresholds, full exits, rounding, deployment.</summary>
public sealed class RebalancePlannerSizingTests
{
    // Equity 10,000; the subject "AAA" is targeted at 0.25, the rest ("BIL") is held exactly at its target of 0.75.
    public static TheoryData<string, decimal, decimal, bool, OrderSide, decimal, decimal> Deltas => new()
    {
        // case, held quantity, price, fractionable, side, quantity, notional
        { "buy fractional rounds down at 9 decimals", 0m, 30m, true, OrderSide.Buy, 83.333333333m, 2499.99999999m },
        { "buy whole shares rounds toward zero", 0m, 30m, false, OrderSide.Buy, 83m, 2490m },
        { "top-up of a held position", 10m, 200m, true, OrderSide.Buy, 2.5m, 500m },
        { "sell fractional exactly", 100m, 40m, true, OrderSide.Sell, 37.5m, 1500m },
        { "sell fractional rounds down at 9 decimals", 50m, 70m, true, OrderSide.Sell, 14.285714285m, 999.99999995m },
        { "sell whole shares rounds toward zero", 100m, 35.5m, false, OrderSide.Sell, 29m, 1029.5m },
    };

    private static PlanningScenario SubjectAtQuarter(decimal heldQuantity, decimal price, bool fractionable)
    {
        var scenario = new PlanningScenario(10_000m).Hold("BIL", 7_500m, 1m).Target("BIL", 0.75m);
        if (heldQuantity > 0m)
        {
            scenario.Hold("AAA", heldQuantity, price, fractionable);
        }

        return scenario.Target("AAA", 0.25m, price, fractionable);
    }

    [Theory]
    [MemberData(nameof(Deltas))]
    public void A_delta_is_sized_at_the_quote_and_rounded_toward_zero(
        string @case, decimal heldQuantity, decimal price, bool fractionable, OrderSide side, decimal quantity, decimal notional)
    {
        var plan = SubjectAtQuarter(heldQuantity, price, fractionable).Plan();

        var line = Assert.Single(plan.Trades);
        Assert.True(line.Symbol == "AAA", @case);
        Assert.Equal(side, line.Side);
        Assert.Equal(quantity, line.Quantity);
        Assert.Equal(notional, line.EstimatedNotional);
        Assert.Equal(price, line.EstimatedPrice);
        Assert.False(line.Blocked);
        Assert.Null(line.Reason);
        Assert.False(line.FullExit);
    }

    public static TheoryData<decimal, bool> MinimumTradeValueCases => new()
    {
        // delta in dollars, traded
        { 4.99m, false },
        { 5m, true },
        { -4.99m, false },
        { -5m, true },
    };

    [Theory]
    [MemberData(nameof(MinimumTradeValueCases))]
    public void A_delta_below_the_minimum_trade_value_is_skipped_and_one_at_the_minimum_is_traded(decimal delta, bool traded)
    {
        // Equity 1,000, AAA targeted at 0.5 ($500), held at $500 − delta (price $1).
        var plan = new PlanningScenario(1_000m)
            .Hold("BIL", 500m, 1m).Target("BIL", 0.5m)
            .Hold("AAA", 500m - delta, 1m).Target("AAA", 0.5m, 1m)
            .Plan();

        if (traded)
        {
            var line = Assert.Single(plan.Trades);
            Assert.Equal(Math.Abs(delta), line.Quantity);
            Assert.Empty(plan.Skipped);
        }
        else
        {
            Assert.Empty(plan.Trades);
            var skip = Assert.Single(plan.Skipped);
            Assert.Equal(("AAA", delta, PlanReasons.BelowMinimumTradeValue), (skip.Symbol, skip.DeltaValue, skip.Reason));
        }
    }

    public static TheoryData<decimal, bool> DriftBandCases => new()
    {
        // AAA's current value (target $5,000 of $10,000, band 0.02), traded
        { 5_150m, false },
        { 5_200m, false },
        { 4_900m, false },
        { 5_300m, true },
        { 4_700m, true },
    };

    [Theory]
    [MemberData(nameof(DriftBandCases))]
    public void A_symbol_within_the_drift_band_inclusive_is_not_traded(decimal currentValue, bool traded)
    {
        var plan = new PlanningScenario(10_000m)
            .Hold("BIL", 5_000m, 1m).Target("BIL", 0.5m)
            .Hold("AAA", currentValue / 10m, 10m).Target("AAA", 0.5m)
            .Plan(new PlannerSettings { DriftBand = 0.02m });

        Assert.Equal(traded, plan.Trades.Count == 1);
        if (!traded)
        {
            Assert.Equal(PlanReasons.WithinDriftBand, Assert.Single(plan.Skipped).Reason);
        }
    }

    [Fact]
    public void A_held_symbol_left_out_of_the_target_is_sold_in_full_even_below_the_minimum_trade_value()
    {
        var plan = new PlanningScenario(1_000m)
            .Hold("DUST", 0.02m, 100m)
            .Hold("ODD", 3.5m, 10m, fractionable: false)
            .Hold("ZERO", 2m, 50m).Target("ZERO", 0m)
            .Target("SPY", 1m, 100m)
            .Plan();

        var exits = plan.Trades.Where(t => t.FullExit).Select(t => (t.Symbol, t.Side, t.Quantity, t.EstimatedNotional, t.Blocked));
        Assert.Equal(
            [("DUST", OrderSide.Sell, 0.02m, 2m, false), ("ODD", OrderSide.Sell, 3.5m, 35m, false), ("ZERO", OrderSide.Sell, 2m, 100m, false)],
            exits);
        Assert.Empty(plan.Skipped);
    }

    [Fact]
    public void A_buy_of_less_than_one_whole_share_of_a_non_fractionable_asset_is_skipped_with_the_reason()
    {
        var plan = new PlanningScenario(1_000m)
            .Target("BRK.A", 0.1m, 150m, fractionable: false)
            .Target("SPY", 0.9m, 100m)
            .Plan();

        Assert.Equal(["SPY"], plan.Trades.Select(t => t.Symbol));
        var skip = Assert.Single(plan.Skipped);
        Assert.Equal(("BRK.A", OrderSide.Buy, 100m, PlanReasons.LessThanOneShare), (skip.Symbol, skip.Side, skip.DeltaValue, skip.Reason));
    }

    [Fact]
    public void A_sell_never_exceeds_the_held_quantity_even_when_the_quote_is_below_the_position_price()
    {
        // Held 10 @ 100 = $1,000; target $10 → delta −$990; at a quote of 50 that is 19.8 shares, but only 10 are held.
        var plan = new PlanningScenario(1_000m)
            .Hold("AAA", 10m, 100m).Quote("AAA", 50m).Target("AAA", 0.01m)
            .Target("BIL", 0.99m, 1m)
            .Plan();

        var sell = Assert.Single(plan.Trades, t => t.Side == OrderSide.Sell);
        Assert.Equal(10m, sell.Quantity);
        Assert.Equal(500m, sell.EstimatedNotional);
    }

    public static TheoryData<decimal, bool, decimal> DeploymentCases => new()
    {
        // deployment fraction, margin allowed, expected capital (equity 10,000) → shares of SPY at $100
        { 1m, false, 10_000m },
        { 0.5m, false, 5_000m },
        { 1.5m, true, 15_000m },
    };

    [Theory]
    [MemberData(nameof(DeploymentCases))]
    public void Capital_is_equity_times_the_deployment_fraction(decimal fraction, bool margin, decimal capital)
    {
        var plan = new PlanningScenario(10_000m) { BuyingPower = 20_000m }
            .Target("SPY", 1m, 100m)
            .Plan(new PlannerSettings { DeploymentFraction = fraction, AllowMargin = margin });

        Assert.Equal(capital, plan.Capital);
        Assert.Equal(10_000m, plan.Equity);
        Assert.Equal(capital / 100m, Assert.Single(plan.Trades).Quantity);
    }

    [Fact]
    public void A_deployment_fraction_above_one_without_margin_is_a_configuration_error()
    {
        var scenario = new PlanningScenario(10_000m).Target("SPY", 1m, 100m);

        var error = Assert.Throws<ConfigurationException>(() => scenario.Plan(new PlannerSettings { DeploymentFraction = 1.5m }));
        Assert.Equal(ErrorCategory.Configuration, error.Category);
        Assert.Contains("deployment fraction 1.5 exceeds 1 but margin is not allowed", error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, decimal, decimal> MalformedTargets => new()
    {
        // case, weight of AAA, weight of BBB → expected message fragment is checked per case
        { "target weights sum to 0.99, not 1", 0.49m, 0.5m },
        { "target weights sum to 1.000000002, not 1", 0.500000002m, 0.5m },
        { "target weight of AAA is negative (-0.5)", -0.5m, 1.5m },
    };

    [Theory]
    [MemberData(nameof(MalformedTargets))]
    public void A_malformed_target_is_rejected_with_a_clear_message(string message, decimal aaa, decimal bbb)
    {
        var scenario = new PlanningScenario(1_000m).Target("AAA", aaa, 10m).Target("BBB", bbb, 10m);

        var error = Assert.Throws<ArgumentException>(() => scenario.Plan());
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
        Assert.Equal("target", error.ParamName);
    }

    [Fact]
    public void Target_weights_within_one_billionth_of_one_are_accepted()
    {
        var plan = new PlanningScenario(1_000m).Target("AAA", 0.4999999995m, 10m).Target("BBB", 0.5m, 10m).Plan();

        Assert.Equal(2, plan.Trades.Count);
    }

    [Fact]
    public void A_non_positive_price_or_negative_equity_is_rejected()
    {
        var zeroPrice = new PlanningScenario(1_000m).Target("AAA", 1m, 0m);
        var negativeEquity = new PlanningScenario(-1m).Target("AAA", 1m, 10m);

        Assert.Contains("price of AAA is 0", Assert.Throws<ArgumentException>(() => zeroPrice.Plan()).Message, StringComparison.Ordinal);
        Assert.Contains("account equity is negative", Assert.Throws<ArgumentException>(() => negativeEquity.Plan()).Message, StringComparison.Ordinal);
    }
}
