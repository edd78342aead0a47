using Alchemiser.Core.Brokerage;
using Alchemiser.Core.MarketData;
using Alchemiser.Local.Brokerage;

namespace Alchemiser.Local.Tests.Brokerage;

/// <summary>What the broker says about the market: quotes, latest trades, assets, the clock and the calendar.</summary>
public sealed class PaperBrokerMarketDataTests : IDisposable
{
    private readonly PaperBrokerHarness _h = new(new PaperBrokerOptions
    {
        NonFractionable = new HashSet<string>(StringComparer.Ordinal) { "QQQ" },
        NotTradable = new HashSet<string>(StringComparer.Ordinal) { "BIL" },
    });

    public void Dispose() => _h.Dispose();

    [Fact]
    public async Task Latest_quotes_and_trades_are_the_markets_at_the_clocks_now_and_unknown_symbols_are_left_out()
    {
        _h.Quote("SPY", 0, 99.99m, 100.00m);
        _h.Quote("SPY", 10, 100.09m, 100.10m);
        _h.Market.SetLastTrade("SPY", PaperBrokerHarness.Ten.AddSeconds(9), 100.05m);
        _h.At(9);

        var quotes = await _h.Broker.GetLatestQuotesAsync(["SPY", "NOPE", "SPY"]);
        var prices = await _h.Broker.GetLatestPricesAsync(["NOPE", "SPY"]);

        Assert.Equal(new Quote("SPY", 99.99m, 100.00m, 1000m, 1000m, PaperBrokerHarness.Ten), Assert.Single(quotes).Value);
        Assert.Equal(new LatestPrice("SPY", 100.05m, PaperBrokerHarness.Ten.AddSeconds(9)), Assert.Single(prices).Value);
    }

    [Fact]
    public async Task Assets_are_the_markets_narrowed_by_the_brokers_options()
    {
        foreach (var symbol in new[] { "SPY", "QQQ", "BIL" })
        {
            _h.Quote(symbol, 0, 9.99m, 10.00m);
        }

        Assert.Equal(new AssetInfo("SPY", true, true), await _h.Broker.GetAssetAsync("SPY"));
        Assert.Equal(new AssetInfo("QQQ", true, false), await _h.Broker.GetAssetAsync("QQQ"));
        Assert.Equal(new AssetInfo("BIL", false, true), await _h.Broker.GetAssetAsync("BIL"));
        Assert.Null(await _h.Broker.GetAssetAsync("NOPE"));
    }

    [Theory]
    [InlineData("2025-06-10", 8, 0, false, "2025-06-10 09:30", "2025-06-10 16:00")]
    [InlineData("2025-06-10", 9, 30, true, "2025-06-11 09:30", "2025-06-10 16:00")]
    [InlineData("2025-06-10", 16, 0, false, "2025-06-11 09:30", "2025-06-11 16:00")]
    [InlineData("2025-06-13", 17, 0, false, "2025-06-16 09:30", "2025-06-16 16:00")] // Friday evening
    [InlineData("2025-07-03", 12, 0, true, "2025-07-07 09:30", "2025-07-03 13:00")] // early close before Independence Day
    public async Task The_clock_says_whether_the_market_is_open_and_when_it_next_opens_and_closes(
        string date, int hour, int minute, bool open, string nextOpen, string nextClose)
    {
        _h.Clock.Set(NewYork.At(date, hour, minute));

        var clock = await _h.Broker.GetClockAsync();

        Assert.Equal(new MarketClock(NewYork.At(date, hour, minute), open, Instant(nextOpen), Instant(nextClose)), clock);
    }

    [Fact]
    public async Task The_calendar_lists_the_trading_days_with_their_hours_in_utc()
    {
        var sessions = await _h.Broker.GetCalendarAsync(NewYork.Date("2025-07-02"), NewYork.Date("2025-07-07"));

        Assert.Equal(
            [
                new MarketSession(NewYork.Date("2025-07-02"), Utc(2025, 7, 2, 13, 30), Utc(2025, 7, 2, 20, 0)),
                new MarketSession(NewYork.Date("2025-07-03"), Utc(2025, 7, 3, 13, 30), Utc(2025, 7, 3, 17, 0)),
                new MarketSession(NewYork.Date("2025-07-07"), Utc(2025, 7, 7, 13, 30), Utc(2025, 7, 7, 20, 0)),
            ],
            sessions);
        Assert.Equal(Utc(2025, 12, 1, 14, 30), Assert.Single(await _h.Broker.GetCalendarAsync(NewYork.Date("2025-12-01"), NewYork.Date("2025-12-01"))).Opens);
        Assert.Empty(await _h.Broker.GetCalendarAsync(NewYork.Date("2025-07-07"), NewYork.Date("2025-07-02")));
    }

    private static DateTimeOffset Instant(string newYork) => NewYork.At(newYork[..10], int.Parse(newYork[11..13], System.Globalization.CultureInfo.InvariantCulture), int.Parse(newYork[14..16], System.Globalization.CultureInfo.InvariantCulture));

    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);
}
