using Alchemiser.Alpaca.Tests.Support;
using Alchemiser.Core.Brokerage;
using Alchemiser.Core.MarketData;

namespace Alchemiser.Alpaca.Tests;

/// <summary>Daily bars (paged, many symbols per request), latest quotes and latest trades from the Market Data API.</summary>
public sealed class MarketDataTests : IDisposable
{
    private static readonly string[] FiftySymbols = Enumerable.Range(1, 50).Select(i => $"S{i:00}").ToArray();

    private static readonly DateOnly[] JanuaryDays =
        [.. new[] { 2, 3, 4, 5, 8, 9, 10, 11, 12, 16 }.Select(day => new DateOnly(2024, 1, day))];

    private readonly TestAlpaca _t = new();

    public void Dispose() => _t.Dispose();

    [Fact]
    public async Task Three_pages_of_bars_for_fifty_symbols_are_merged_per_symbol_in_date_order_without_duplicates()
    {
        _t.Alpaca.RespondFixture("StockBars.page1").RespondFixture("StockBars.page2").RespondFixture("StockBars.page3");
        IDailyBarSource source = _t.Client;

        var bars = await source.GetDailyBarsAsync(FiftySymbols, new DateOnly(2024, 1, 2), new DateOnly(2024, 1, 16));

        Assert.Equal(FiftySymbols, bars.Keys.Order(StringComparer.Ordinal));
        Assert.All(bars.Values, series => Assert.Equal(JanuaryDays, series.Select(b => b.Date)));
        // S21 and S41 run across page boundaries, and each boundary bar came twice.
        Assert.Equal(new DailyBar(new DateOnly(2024, 1, 5), 80.75m, 81.28m, 80.4m, 80.88m, 120003), bars["S21"][3]);
        Assert.Equal(new DailyBar(new DateOnly(2024, 1, 8), 141m, 141.53m, 140.65m, 141.13m, 140004), bars["S41"][4]);
        Assert.Equal(new DailyBar(new DateOnly(2024, 1, 2), 20m, 20.53m, 19.65m, 20.13m, 100000), bars["S01"][0]);
    }

    [Fact]
    public async Task Each_bars_page_asks_for_adjusted_daily_bars_of_all_the_symbols_and_follows_the_page_token()
    {
        _t.Alpaca.RespondFixture("StockBars.page1").RespondFixture("StockBars.page2").RespondFixture("StockBars.page3");

        await _t.Client.GetDailyBarsAsync(FiftySymbols, new DateOnly(2024, 1, 2), new DateOnly(2024, 1, 16));

        Assert.Equal(3, _t.Alpaca.Requests.Count);
        Assert.All(_t.Alpaca.Requests, r =>
        {
            Assert.Equal(("GET", "data.alpaca.markets", "/v2/stocks/bars"), (r.Method, r.Host, r.Path));
            Assert.Equal(string.Join(',', FiftySymbols), r.Query["symbols"]);
            Assert.Equal(("1Day", "all", "10000", "iex", "asc"), (r.Query["timeframe"], r.Query["adjustment"], r.Query["limit"], r.Query["feed"], r.Query["sort"]));
            Assert.Equal("2024-01-02T05:00:00Z", r.Query["start"]); // midnight New York (EST)
            Assert.Equal("2024-01-17T04:59:59Z", r.Query["end"]); // the end of the 16th in New York
        });
        Assert.False(_t.Alpaca.Requests[0].Query.ContainsKey("page_token"));
        Assert.Equal("UzIxfEQ6MjAyNC0wMS0wNQ==", _t.Alpaca.Requests[1].Query["page_token"]);
        Assert.Equal("UzQxfEQ6MjAyNC0wMS0wOQ==", _t.Alpaca.Requests[2].Query["page_token"]);
    }

    [Fact]
    public async Task A_bar_stamped_at_new_york_midnight_in_summer_is_that_new_york_date_and_bars_outside_the_range_are_dropped()
    {
        _t.Alpaca.RespondFixture("StockBars");

        var bars = await _t.Client.GetDailyBarsAsync(["SPY", "QQQ", "IWM"], new DateOnly(2024, 7, 2), new DateOnly(2024, 7, 2));

        Assert.Equal("2024-07-02T04:00:00Z", _t.Sent.Query["start"]); // EDT
        Assert.Equal("2024-07-03T03:59:59Z", _t.Sent.Query["end"]);
        var spy = Assert.Single(bars).Value; // QQQ's only bar is the 1st; IWM has none
        Assert.Equal([new DailyBar(new DateOnly(2024, 7, 2), 543.7m, 549.01m, 543.65m, 549.01m, 40434840)], spy);
    }

    [Fact]
    public async Task More_symbols_than_fit_one_request_go_out_in_chunks()
    {
        var symbols = Enumerable.Range(1, 150).Select(i => $"T{i:000}").ToArray();
        _t.Alpaca.RespondFixture("StockLatestQuotes").RespondFixture("StockLatestQuotes");

        await _t.Client.GetLatestQuotesAsync(symbols);

        Assert.Equal([100, 50], _t.Alpaca.Requests.Select(r => r.Query["symbols"].Split(',').Length));
        Assert.Equal(symbols, _t.Alpaca.Requests.SelectMany(r => r.Query["symbols"].Split(',')));
    }

    [Fact]
    public async Task Latest_quotes_are_read_exactly_and_unknown_symbols_are_left_out()
    {
        _t.Alpaca.RespondFixture("StockLatestQuotes");

        var quotes = await _t.Client.GetLatestQuotesAsync(["AAPL", "TSLA", "NOPE", "AAPL"]);

        Assert.Equal(("GET", "data.alpaca.markets", "/v2/stocks/quotes/latest"), (_t.Sent.Method, _t.Sent.Host, _t.Sent.Path));
        Assert.Equal(new Dictionary<string, string> { ["symbols"] = "AAPL,TSLA,NOPE", ["feed"] = "iex" }, _t.Sent.Query);
        Assert.Equal(["AAPL", "TSLA"], quotes.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(
            new Quote("AAPL", 172.62m, 172.7m, 2m, 1m, new DateTimeOffset(2022, 8, 17, 10, 7, 40, TimeSpan.Zero).AddTicks(2865874)),
            quotes["AAPL"]);
        Assert.Equal(0.08m, quotes["AAPL"].Spread);
    }

    [Fact]
    public async Task Latest_prices_are_the_latest_trades()
    {
        using var t = new TestAlpaca(AlpacaOptions.Paper with { DataFeed = "sip" });
        t.Alpaca.RespondFixture("StockLatestTrades");

        var prices = await t.Client.GetLatestPricesAsync(["AAPL", "MSFT"]);

        Assert.Equal(("GET", "/v2/stocks/trades/latest"), (t.Sent.Method, t.Sent.Path));
        Assert.Equal(new Dictionary<string, string> { ["symbols"] = "AAPL,MSFT", ["feed"] = "sip" }, t.Sent.Query);
        Assert.Equal(
            new LatestPrice("AAPL", 172.78m, new DateTimeOffset(2022, 8, 17, 9, 50, 43, TimeSpan.Zero).AddTicks(3611023)),
            Assert.Single(prices).Value);
    }

    [Fact]
    public async Task No_symbols_means_no_request()
    {
        Assert.Empty(await _t.Client.GetLatestQuotesAsync([]));
        Assert.Empty(await _t.Client.GetLatestPricesAsync([]));
        Assert.Empty(await _t.Client.GetDailyBarsAsync([], new DateOnly(2024, 1, 2), new DateOnly(2024, 1, 16)));
        Assert.Empty(_t.Alpaca.Requests);
    }

    [Fact]
    public async Task A_range_that_ends_before_it_starts_or_a_symbol_list_that_is_not_symbols_is_refused()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _t.Client.GetDailyBarsAsync(["SPY"], new DateOnly(2024, 1, 16), new DateOnly(2024, 1, 2)));
        await Assert.ThrowsAsync<ArgumentException>(() => _t.Client.GetLatestQuotesAsync(["SPY,QQQ"]));
        Assert.Empty(_t.Alpaca.Requests);
    }
}
