using Alchemiser.Alpaca.Tests.Support;
using Alchemiser.Core.Brokerage;
using Alchemiser.Core.MarketData;

namespace Alchemiser.Alpaca.Tests;

/// <summary>Account, positions, clock, calendar and assets: what is asked of Alpaca and how its answer is read.</summary>
public sealed class TradingReadsTests : IDisposable
{
    private readonly TestAlpaca _t = new();

    public void Dispose() => _t.Dispose();

    [Fact]
    public async Task The_account_is_read_from_the_paper_trading_api_with_its_decimal_strings_exact()
    {
        _t.Alpaca.RespondFixture("getAccount");

        var account = await _t.Client.GetAccountAsync();

        Assert.Equal(new BrokerAccount("1d9eed04-be39-4e01-9b84-a48ac5bbafcf", 123346.11m, 122086.5m, 245432.61m), account);
        Assert.Equal(("GET", "paper-api.alpaca.markets", "/v2/account", ""), (_t.Sent.Method, _t.Sent.Host, _t.Sent.Path, _t.Sent.Body));
        Assert.Empty(_t.Sent.Query);
    }

    [Fact]
    public async Task Positions_are_read_with_fractional_quantities_and_come_ordered_by_symbol()
    {
        _t.Alpaca.RespondFixture("getAllOpenPositions");

        var positions = await _t.Client.GetPositionsAsync();

        Assert.Equal(
            [
                new BrokerPosition("AAPL", 2m, 174.78m, 174.29m, 348.58m),
                new BrokerPosition("SPY", 10.5m, 440.1m, 450.02m, 4725.21m),
            ],
            positions);
        Assert.Equal(("GET", "/v2/positions"), (_t.Sent.Method, _t.Sent.Path));
    }

    [Fact]
    public async Task The_market_clock_is_read_with_its_offsets()
    {
        _t.Alpaca.RespondFixture("LegacyClock");

        var clock = await _t.Client.GetClockAsync();

        Assert.Equal(
            new MarketClock(
                new DateTimeOffset(2025, 6, 24, 18, 15, 22, TimeSpan.Zero),
                true,
                new DateTimeOffset(2025, 6, 25, 13, 30, 0, TimeSpan.Zero),
                new DateTimeOffset(2025, 6, 24, 20, 0, 0, TimeSpan.Zero)),
            clock);
        Assert.Equal(("GET", "/v2/clock"), (_t.Sent.Method, _t.Sent.Path));
    }

    [Fact]
    public async Task The_calendar_asks_for_dates_and_reads_new_york_opens_and_closes_across_the_clock_change()
    {
        _t.Alpaca.RespondFixture("LegacyCalendar");

        var sessions = await _t.Client.GetCalendarAsync(new DateOnly(2024, 11, 1), new DateOnly(2024, 11, 30));

        Assert.Equal(("GET", "/v2/calendar"), (_t.Sent.Method, _t.Sent.Path));
        Assert.Equal(new Dictionary<string, string> { ["start"] = "2024-11-01", ["end"] = "2024-11-30" }, _t.Sent.Query);
        Assert.Equal(20, sessions.Count);
        Assert.DoesNotContain(sessions, s => s.Date == new DateOnly(2024, 11, 28));
        Assert.Equal(new DateTimeOffset(2024, 11, 1, 13, 30, 0, TimeSpan.Zero), sessions[0].Opens); // EDT
        Assert.Equal(new DateTimeOffset(2024, 11, 4, 14, 30, 0, TimeSpan.Zero), sessions[1].Opens); // EST
        Assert.Equal(
            new MarketSession(new DateOnly(2024, 11, 29), new DateTimeOffset(2024, 11, 29, 14, 30, 0, TimeSpan.Zero), new DateTimeOffset(2024, 11, 29, 18, 0, 0, TimeSpan.Zero)),
            sessions[^1]);
        Assert.Equal(sessions.OrderBy(s => s.Date), sessions);
    }

    [Fact]
    public async Task The_market_calendar_reads_a_month_once_and_tells_early_closes_holidays_and_weekends()
    {
        _t.Alpaca.RespondFixture("LegacyCalendar");
        var calendar = new AlpacaMarketCalendar(_t.Client);

        var ordinary = await calendar.GetDayAsync(new DateOnly(2024, 11, 27));
        var thanksgiving = await calendar.GetDayAsync(new DateOnly(2024, 11, 28));
        var dayAfter = await calendar.GetDayAsync(new DateOnly(2024, 11, 29));
        var saturday = await calendar.GetDayAsync(new DateOnly(2024, 11, 30));

        Assert.Equal(new MarketDay(new DateOnly(2024, 11, 27), true, false, null), ordinary);
        Assert.Equal(new MarketDay(new DateOnly(2024, 11, 28), false, false, "Thanksgiving Day"), thanksgiving);
        Assert.Equal(new MarketDay(new DateOnly(2024, 11, 29), true, true, null), dayAfter);
        Assert.Equal(new MarketDay(new DateOnly(2024, 11, 30), false, false, "weekend"), saturday);
        Assert.Equal(new Dictionary<string, string> { ["start"] = "2024-11-01", ["end"] = "2024-11-30" }, _t.Sent.Query);
    }

    [Fact]
    public async Task A_weekday_alpaca_leaves_out_is_closed_even_when_the_nyse_rules_know_no_holiday()
    {
        _t.Alpaca.RespondFixture("LegacyCalendar.january-2025");
        var calendar = new AlpacaMarketCalendar(_t.Client);
        var dayOfMourning = new DateOnly(2025, 1, 9);
        var kingDay = new DateOnly(2025, 1, 20);

        var mourning = await calendar.GetDayAsync(dayOfMourning);
        var king = await calendar.GetDayAsync(kingDay);
        var after = await calendar.GetDayAsync(new DateOnly(2025, 1, 10));

        Assert.True(NyseCalendar.IsTradingDay(dayOfMourning)); // the rules do not model one-off closures
        Assert.Equal(new MarketDay(dayOfMourning, false, false, "market holiday"), mourning);
        Assert.Equal(new MarketDay(kingDay, false, false, NyseCalendar.HolidayName(kingDay)), king);
        Assert.True(after.IsOpen);
        Assert.Single(_t.Alpaca.Requests);
    }

    [Fact]
    public async Task An_asset_is_asked_for_by_symbol_and_says_whether_it_trades_and_in_fractions()
    {
        _t.Alpaca.RespondFixture("get-v2-assets-symbol_or_asset_id").RespondFixture("get-v2-assets-symbol_or_asset_id.not-fractionable");

        var apple = await _t.Client.GetAssetAsync("AAPL");
        var berkshire = await _t.Client.GetAssetAsync("BRK.A");

        Assert.Equal(new AssetInfo("AAPL", true, true), apple);
        Assert.Equal(new AssetInfo("BRK.A", true, false), berkshire);
        Assert.Equal(["/v2/assets/AAPL", "/v2/assets/BRK.A"], _t.Alpaca.Requests.Select(r => r.Path));
        Assert.All(_t.Alpaca.Requests, r => Assert.Equal("GET", r.Method));
    }

    [Fact]
    public async Task An_asset_alpaca_does_not_know_is_null()
    {
        _t.Alpaca.RespondError(404, 40410000, "asset not found for ZZZZ");

        Assert.Null(await _t.Client.GetAssetAsync("ZZZZ"));
        Assert.Single(_t.Alpaca.Requests);
    }
}
