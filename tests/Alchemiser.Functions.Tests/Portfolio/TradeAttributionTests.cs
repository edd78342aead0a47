using Alchemiser.Core.Brokerage;
using Alchemiser.Core.Events;
using Alchemiser.Portfolio.Planning;

namespace Alchemiser.Functions.Tests.Portfolio;

/// <summary>Which strategies a planned trade is for: their share of the symbol's target delta.</summary>
public sealed class TradeAttributionTests
{
    private static readonly Dictionary<string, decimal> NothingHeld = new(StringComparer.Ordinal);

    private static StrategyContributionSummary Strategy(string id, decimal weight, params (string Symbol, decimal Weight)[] allocation) =>
        new(id, weight, weight, allocation.ToDictionary(a => a.Symbol, a => a.Weight, StringComparer.Ordinal));

    [Fact]
    public void A_buy_from_nothing_is_split_by_each_strategys_target_value()
    {
        var shares = TradeAttribution.For(
            "SPY",
            OrderSide.Buy,
            10_000m,
            [Strategy("a", 0.25m, ("SPY", 1m)), Strategy("b", 0.75m, ("SPY", 0.5m), ("TLT", 0.5m))],
            NothingHeld);

        // a wants 2,500 and b wants 3,750 of SPY: 40 % / 60 %.
        Assert.Equal([new StrategyShare("a", 0.4m), new StrategyShare("b", 0.6m)], shares);
    }

    [Fact]
    public void A_buy_goes_only_to_the_strategies_that_want_more_than_they_hold()
    {
        var held = new Dictionary<string, decimal>(StringComparer.Ordinal) { ["a"] = 3_000m, ["b"] = 1_000m };

        var shares = TradeAttribution.For(
            "SPY", OrderSide.Buy, 10_000m, [Strategy("a", 0.5m, ("SPY", 0.5m)), Strategy("b", 0.5m, ("SPY", 0.5m))], held);

        // a wants 2,500 and holds 3,000 (wants less); b wants 2,500 and holds 1,000 (wants 1,500 more).
        Assert.Equal([new StrategyShare("b", 1m)], shares);
    }

    [Fact]
    public void A_full_exit_is_split_by_what_each_strategy_holds()
    {
        var held = new Dictionary<string, decimal>(StringComparer.Ordinal) { ["a"] = 1_000m, ["c"] = 3_000m };

        var shares = TradeAttribution.For("XLE", OrderSide.Sell, 10_000m, [Strategy("a", 1m, ("SPY", 1m))], held);

        Assert.Equal([new StrategyShare("a", 0.25m), new StrategyShare("c", 0.75m)], shares);
    }

    [Fact]
    public void A_sell_the_ledger_cannot_explain_is_unattributed()
    {
        var shares = TradeAttribution.For("XLE", OrderSide.Sell, 10_000m, [Strategy("a", 1m, ("SPY", 1m))], NothingHeld);

        Assert.Equal([new StrategyShare(TradeAttribution.Unattributed, 1m)], shares);
    }

    [Fact]
    public void A_reducing_sell_with_no_ledger_history_falls_back_to_nothing_held_and_is_unattributed()
    {
        // The target still holds SPY but less than the account has; the ledger never saw the shares bought.
        var shares = TradeAttribution.For("SPY", OrderSide.Sell, 10_000m, [Strategy("a", 1m, ("SPY", 1m))], NothingHeld);

        Assert.Equal([new StrategyShare(TradeAttribution.Unattributed, 1m)], shares);
    }

    [Fact]
    public void Shares_of_three_equal_strategies_are_rounded_to_twelve_places()
    {
        var shares = TradeAttribution.For(
            "SPY",
            OrderSide.Buy,
            9_000m,
            [Strategy("a", 1m / 3m, ("SPY", 1m)), Strategy("b", 1m / 3m, ("SPY", 1m)), Strategy("c", 1m / 3m, ("SPY", 1m))],
            NothingHeld);

        Assert.All(shares, s => Assert.Equal(0.333333333333m, s.Share));
    }
}
