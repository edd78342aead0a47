using Alchemiser.Core.Brokerage;
using Alchemiser.Local.Brokerage;
using Alchemiser.Local.MarketData;
using static Alchemiser.Local.Tests.MarketData.Bars;

namespace Alchemiser.Local.Tests.Brokerage;

/// <summary>The simulated market drawn from daily bars: a deterministic intraday path inside the bar, quotes around it.</summary>
public class BarMarketModelTests
{
    private const string Day = "2025-06-10";

    private static InMemoryBarStore Store(params (string Symbol, Core.MarketData.DailyBar[] Bars)[] series)
    {
        var store = new InMemoryBarStore();
        foreach (var (symbol, bars) in series)
        {
            store.Put(symbol, bars);
        }

        return store;
    }

    private static InMemoryBarStore Spy() => Store(("SPY", [Bar("2025-06-09", 98m, 99m, 97m, 98.5m, 1000), Bar(Day, 100m, 110m, 99m, 105m, 1000)]));

    private static IEnumerable<DateTimeOffset> EverySecondOfTheSession(string date, int closeHour = 16)
    {
        for (var t = NewYork.At(date, 9, 30); t <= NewYork.At(date, closeHour, 0); t = t.AddSeconds(1))
        {
            yield return t;
        }
    }

    [Fact]
    public void Two_models_on_the_same_bars_give_identical_quotes_and_trades()
    {
        var first = new BarMarketModel(Spy());
        var second = new BarMarketModel(Spy());

        for (var t = NewYork.At(Day, 9, 0); t <= NewYork.At(Day, 16, 30); t = t.AddSeconds(397))
        {
            Assert.Equal(first.QuoteAt("SPY", t), second.QuoteAt("SPY", t));
            Assert.Equal(first.LastTradeAt("SPY", t), second.LastTradeAt("SPY", t));
        }
    }

    [Fact]
    public void The_price_is_the_open_until_half_past_nine_and_the_close_from_four()
    {
        var model = new BarMarketModel(Spy());

        Assert.Equal(100m, model.LastTradeAt("SPY", NewYork.At(Day, 8, 0))!.Price);
        Assert.Equal(100m, model.LastTradeAt("SPY", NewYork.At(Day, 9, 30))!.Price);
        Assert.Equal(105m, model.LastTradeAt("SPY", NewYork.At(Day, 16, 0))!.Price);
        Assert.Equal(105m, model.LastTradeAt("SPY", NewYork.At(Day, 19, 0))!.Price);
    }

    [Fact]
    public void The_path_stays_inside_the_bar_moves_during_the_day_and_jumps_by_at_most_its_jitter()
    {
        var model = new BarMarketModel(Spy());
        var prices = EverySecondOfTheSession(Day).Select(t => model.LastTradeAt("SPY", t)!.Price).ToArray();

        Assert.All(prices, p => Assert.InRange(p, 99m, 110m));
        Assert.True(prices.Distinct().Count() > 300, "the price should wander through the bar's range");
        Assert.True(prices.Max() - prices.Min() > 3m, "the path should cover a good part of the 11-dollar range");
        var largestStep = prices.Zip(prices.Skip(1), (a, b) => Math.Abs(b - a)).Max();
        // A smooth path (≤ 0.11 a second) plus the jitter: up to 1.2 half-spreads either way, and the half-spread of
        // this bar is capped at 20 bp of the price (≤ 0.22 at 110).
        Assert.True(largestStep <= 0.11m + (2m * 1.2m * 0.22m), $"one second moved the price by {largestStep}");
        var jumps = prices.Zip(prices.Skip(1), (a, b) => a != b).Count(changed => changed);
        Assert.True(jumps > 1_000, $"the price changed only {jumps} times in a session");
    }

    [Fact]
    public void Prices_at_or_above_a_dollar_are_whole_cents_and_below_a_dollar_whole_hundredths_of_a_cent()
    {
        var model = new BarMarketModel(Store(
            ("SPY", [Bar(Day, 100m, 110m, 99m, 105m, 1000)]),
            ("PENNY", [Bar(Day, 0.5000m, 0.5200m, 0.4800m, 0.5100m, 1000)])));
        var instants = EverySecondOfTheSession(Day).Where((_, i) => i % 60 == 7).ToArray();

        var dollars = instants.Select(t => model.QuoteAt("SPY", t)!).ToArray();
        Assert.All(dollars, q => Assert.All(new[] { q.Bid, q.Ask, model.LastTradeAt("SPY", q.Timestamp)!.Price }, p => Assert.Equal(p, decimal.Round(p, 2))));

        var pennies = instants.Select(t => model.LastTradeAt("PENNY", t)!.Price).ToArray();
        Assert.All(pennies, p => Assert.Equal(p, decimal.Round(p, 4)));
        Assert.Contains(pennies, p => p != decimal.Round(p, 2));
        Assert.All(instants.Select(t => model.QuoteAt("PENNY", t)!), q => Assert.Equal(q.Bid, decimal.Round(q.Bid, 4)));
    }

    [Fact]
    public void The_half_spread_is_a_share_of_the_days_range_around_the_last_trade()
    {
        // range 4 × 0.02 = 0.08 a side, between 1 bp (~0.01) and 20 bp (~0.20) of a ~100 price
        var model = new BarMarketModel(Store(("SPY", [Bar(Day, 100m, 102m, 98m, 101m, 1000)])));

        foreach (var t in new[] { NewYork.At(Day, 9, 45), NewYork.At(Day, 12, 3, 17), NewYork.At(Day, 15, 59) })
        {
            var quote = model.QuoteAt("SPY", t)!;
            var last = model.LastTradeAt("SPY", t)!.Price;
            Assert.Equal((last - 0.08m, last + 0.08m), (quote.Bid, quote.Ask));
            Assert.True(quote.IsTwoSided);
        }
    }

    [Fact]
    public void The_spread_factor_is_configurable()
    {
        var model = new BarMarketModel(Store(("SPY", [Bar(Day, 100m, 101m, 99m, 100m, 1000)])), new BarMarketModelOptions { SpreadFactor = 0.05m });

        var quote = model.QuoteAt("SPY", NewYork.At(Day, 11, 0))!;

        Assert.Equal(0.20m, quote.Spread);
    }

    [Fact]
    public void A_wide_day_is_capped_at_20_basis_points_a_side()
    {
        var model = new BarMarketModel(Store(("WILD", [Bar(Day, 100m, 150m, 60m, 120m, 1000)])));

        foreach (var t in EverySecondOfTheSession(Day).Where((_, i) => i % 600 == 0))
        {
            var quote = model.QuoteAt("WILD", t)!;
            var price = model.LastTradeAt("WILD", t)!.Price;
            Assert.InRange(quote.Spread, 0.004m * price, (0.004m * price) + 0.02m);
        }
    }

    [Fact]
    public void A_quiet_day_has_at_least_1_basis_point_a_side_and_never_less_than_a_cent_in_all()
    {
        var model = new BarMarketModel(Store(
            ("FLAT", [Close(Day, 100m)]),
            ("CHEAP", [Close(Day, 0.5m)])));
        var t = NewYork.At(Day, 11, 0);

        var flat = model.QuoteAt("FLAT", t)!;
        var cheap = model.QuoteAt("CHEAP", t)!;

        Assert.Equal((99.99m, 100.01m), (flat.Bid, flat.Ask));
        Assert.Equal((0.4950m, 0.5050m), (cheap.Bid, cheap.Ask));
    }

    [Fact]
    public void Displayed_sizes_are_round_lots_from_100_to_900_fixed_within_a_minute()
    {
        var model = new BarMarketModel(Spy());
        var quotes = EverySecondOfTheSession(Day).Where((_, i) => i % 30 == 0).Select(t => model.QuoteAt("SPY", t)!).ToArray();

        Assert.All(quotes, q =>
        {
            Assert.InRange(q.BidSize, 100m, 900m);
            Assert.InRange(q.AskSize, 100m, 900m);
            Assert.Equal(0m, q.BidSize % 100m);
            Assert.Equal(0m, q.AskSize % 100m);
        });
        Assert.True(quotes.Select(q => q.AskSize).Distinct().Count() > 3, "sizes should change over the day");
        Assert.Equal(model.QuoteAt("SPY", NewYork.At(Day, 10, 15, 1))!.AskSize, model.QuoteAt("SPY", NewYork.At(Day, 10, 15, 59))!.AskSize);
    }

    [Fact]
    public void On_an_early_close_the_path_reaches_the_close_at_one_in_the_afternoon()
    {
        var bars = Store(("SPY", [Bar("2025-07-02", 99m, 101m, 98m, 100m, 1000), Bar("2025-07-03", 100m, 110m, 99m, 110m, 1000)]));
        var model = new BarMarketModel(bars);

        var atOne = model.LastTradeAt("SPY", NewYork.At("2025-07-03", 13, 0))!;
        var atThree = model.LastTradeAt("SPY", NewYork.At("2025-07-03", 15, 0))!;
        var justBefore = model.LastTradeAt("SPY", NewYork.At("2025-07-03", 12, 0))!;

        Assert.Equal(110m, atOne.Price);
        Assert.Equal(atOne, atThree with { Timestamp = atOne.Timestamp });
        Assert.Equal(NewYork.At("2025-07-03", 13, 0), atThree.Timestamp);
        Assert.True(justBefore.Price < 110m);
        Assert.All(EverySecondOfTheSession("2025-07-03", closeHour: 13).Where((_, i) => i % 10 == 0),
            t => Assert.InRange(model.LastTradeAt("SPY", t)!.Price, 99m, 110m));
    }

    [Fact]
    public void On_a_regular_day_one_in_the_afternoon_is_still_mid_session()
    {
        var model = new BarMarketModel(Store(("SPY", [Bar(Day, 100m, 110m, 99m, 110m, 1000)])));

        var atOne = model.LastTradeAt("SPY", NewYork.At(Day, 13, 0))!;

        Assert.True(atOne.Price < 110m, $"13:00 on a full day should not be the close yet, got {atOne.Price}");
        Assert.Equal(NewYork.At(Day, 13, 0), atOne.Timestamp);
    }

    [Fact]
    public void A_day_without_a_bar_is_flat_at_the_last_close_traded_at_that_close()
    {
        var model = new BarMarketModel(Store(("SPY", [Bar("2025-07-02", 99m, 101m, 98m, 100m, 1000), Bar("2025-07-03", 100m, 112m, 99m, 111m, 1000)])));

        var holiday = model.LastTradeAt("SPY", NewYork.At("2025-07-04", 11, 0))!;
        var nextWeek = model.LastTradeAt("SPY", NewYork.At("2025-07-08", 15, 0))!;
        var quote = model.QuoteAt("SPY", NewYork.At("2025-07-08", 10, 0))!;

        Assert.Equal(new Core.MarketData.LatestPrice("SPY", 111m, NewYork.At("2025-07-03", 13, 0)), holiday);
        Assert.Equal(holiday, nextWeek);
        Assert.Equal((110.98m, 111.02m), (quote.Bid, quote.Ask));
    }

    [Fact]
    public void Before_the_first_bar_there_is_no_price_but_the_asset_is_listed()
    {
        var model = new BarMarketModel(Spy());

        Assert.Null(model.QuoteAt("SPY", NewYork.At("2025-06-06", 11, 0)));
        Assert.Null(model.LastTradeAt("SPY", NewYork.At("2025-06-06", 11, 0)));
        Assert.Equal(new AssetInfo("SPY", true, true), model.Asset("SPY"));
    }

    [Fact]
    public void Assets_follow_the_store_and_the_options()
    {
        var store = Store(("SPY", [Close(Day, 100m)]), ("BRK.A", [Close(Day, 700_000m)]), ("DELISTED", [Close(Day, 1m)]));
        var model = new BarMarketModel(store, new BarMarketModelOptions
        {
            NonFractionable = new HashSet<string>(StringComparer.Ordinal) { "BRK.A" },
            NotTradable = new HashSet<string>(StringComparer.Ordinal) { "DELISTED" },
        });

        Assert.Equal(new AssetInfo("SPY", true, true), model.Asset("SPY"));
        Assert.Equal(new AssetInfo("BRK.A", true, false), model.Asset("BRK.A"));
        Assert.Equal(new AssetInfo("DELISTED", false, true), model.Asset("DELISTED"));
        Assert.Null(model.Asset("NOPE"));
        Assert.Null(model.QuoteAt("NOPE", NewYork.At(Day, 11, 0)));
        Assert.Null(model.LastTradeAt("NOPE", NewYork.At(Day, 11, 0)));
    }

    [Fact]
    public void Each_symbols_bars_are_read_from_the_store_once()
    {
        var store = new CountingBarStore(Spy());
        var model = new BarMarketModel(store);

        foreach (var t in new[] { NewYork.At("2025-06-09", 10, 0), NewYork.At(Day, 10, 0), NewYork.At(Day, 14, 0), NewYork.At("2025-06-09", 15, 0) })
        {
            model.QuoteAt("SPY", t);
            model.LastTradeAt("SPY", t);
        }

        Assert.Equal(1, store.Reads);
    }
}
