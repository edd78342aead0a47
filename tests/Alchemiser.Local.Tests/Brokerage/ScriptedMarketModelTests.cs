using Alchemiser.Core.Brokerage;
using Alchemiser.Core.MarketData;
using Alchemiser.Local.Brokerage;

namespace Alchemiser.Local.Tests.Brokerage;

/// <summary>The hand-written market: quotes and trades are step functions of time; assets are what was declared.</summary>
public class ScriptedMarketModelTests
{
    private static readonly DateTimeOffset T0 = NewYork.At("2025-06-10", 10, 0);

    [Fact]
    public void A_quote_holds_from_its_instant_until_the_next_one()
    {
        var market = new ScriptedMarketModel();
        market.SetQuote("SPY", T0, 99.98m, 100.02m, 300m, 200m);
        market.SetQuote("SPY", T0.AddMinutes(5), 99.50m, 99.60m, 100m, 100m);

        Assert.Null(market.QuoteAt("SPY", T0.AddTicks(-1)));
        Assert.Equal(new Quote("SPY", 99.98m, 100.02m, 300m, 200m, T0), market.QuoteAt("SPY", T0));
        Assert.Equal(100.02m, market.QuoteAt("SPY", T0.AddMinutes(5).AddTicks(-1))!.Ask);
        Assert.Equal(99.60m, market.QuoteAt("SPY", T0.AddMinutes(5))!.Ask);
        Assert.Equal(99.60m, market.QuoteAt("SPY", T0.AddDays(3))!.Ask);
    }

    [Fact]
    public void Settings_may_come_in_any_order_and_a_later_setting_at_the_same_instant_wins()
    {
        var market = new ScriptedMarketModel();
        market.SetLastTrade("SPY", T0.AddMinutes(10), 101m);
        market.SetLastTrade("SPY", T0, 100m);
        market.SetLastTrade("SPY", T0, 100.5m);

        Assert.Equal(new LatestPrice("SPY", 100.5m, T0), market.LastTradeAt("SPY", T0.AddMinutes(9)));
        Assert.Equal(101m, market.LastTradeAt("SPY", T0.AddMinutes(10))!.Price);
        Assert.Null(market.LastTradeAt("SPY", T0.AddSeconds(-1)));
    }

    [Fact]
    public void A_scripted_symbol_is_a_tradable_fractionable_asset_unless_declared_otherwise()
    {
        var market = new ScriptedMarketModel();
        market.SetLastTrade("SPY", T0, 100m);
        market.SetQuote("QQQ", T0, 400m, 400.1m, 100m, 100m);
        market.SetQuote("BRK.A", T0, 700_000m, 700_100m, 1m, 1m);
        market.SetAsset("BRK.A", tradable: true, fractionable: false);
        market.SetAsset("HALTED", tradable: false, fractionable: true);

        Assert.Equal(new AssetInfo("SPY", true, true), market.Asset("SPY"));
        Assert.Equal(new AssetInfo("QQQ", true, true), market.Asset("QQQ"));
        Assert.Equal(new AssetInfo("BRK.A", true, false), market.Asset("BRK.A"));
        Assert.Equal(new AssetInfo("HALTED", false, true), market.Asset("HALTED"));
        Assert.Null(market.Asset("NOPE"));
    }
}
