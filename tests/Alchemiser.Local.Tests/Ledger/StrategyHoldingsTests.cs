using Alchemiser.Core.Trading;
using static Alchemiser.Local.Tests.Ledger.LedgerSamples;

namespace Alchemiser.Local.Tests.Ledger;

/// <summary>The shares of one symbol the ledger attributes to each strategy.</summary>
public sealed class StrategyHoldingsTests
{
    private static LedgerFill Attributed(string id, string side, params (string Strategy, decimal Quantity)[] parts) =>
        Fill(id, side: side, quantity: parts.Sum(p => p.Quantity)) with
        {
            Attribution = [.. parts.Select(p => new StrategyAttribution(p.Strategy, p.Quantity))],
        };

    [Fact]
    public void Buys_add_and_sells_subtract_per_strategy()
    {
        var holdings = StrategyHoldings.Of(
        [
            Attributed("1", FillSides.Buy, ("a", 6m), ("b", 4m)),
            Attributed("2", FillSides.Sell, ("a", 2.5m)),
        ]);

        Assert.Equal(new Dictionary<string, decimal> { ["a"] = 3.5m, ["b"] = 4m }, holdings);
    }

    [Fact]
    public void A_strategy_that_sold_everything_holds_nothing()
    {
        var holdings = StrategyHoldings.Of(
        [
            Attributed("1", FillSides.Buy, ("a", 5m)),
            Attributed("2", FillSides.Sell, ("a", 5m)),
        ]);

        Assert.Empty(holdings);
    }

    [Fact]
    public void Fills_of_two_symbols_are_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => StrategyHoldings.Of([Fill("1"), Fill("2", symbol: "TLT")]));

        Assert.Contains("SPY and TLT", error.Message, StringComparison.Ordinal);
    }
}
