using System.Globalization;
using System.Net;
using System.Text.Json;
using Alchemiser.Core.MarketData;

namespace Alchemiser.Alpaca.TestServer.Tests;

/// <summary>GET /v2/stocks/bars: bars of many symbols, paged across symbols with <c>next_page_token</c> as Alpaca does.</summary>
public sealed class BarPagingTests
{
    private static readonly DateOnly FirstDay = new(2025, 6, 2);

    [Fact]
    public async Task Fifty_symbols_come_in_three_pages_that_concatenate_to_exactly_the_stores_bars()
    {
        await using var paper = await PaperServer.StartAsync(o => o with { BarsPageSize = 100 });
        var symbols = Enumerable.Range(0, 50).Select(i => string.Create(CultureInfo.InvariantCulture, $"S{i:D2}")).ToArray();
        foreach (var symbol in symbols)
        {
            paper.Bars.Put(symbol, Series(symbol, 5));
        }

        var query = "v2/stocks/bars?symbols=" + string.Join(',', symbols.Reverse()) + "&timeframe=1Day&start=2025-06-01&end=2025-06-30&adjustment=all&feed=sip";
        var pages = await AllPagesAsync(paper, query);

        Assert.Equal([100, 100, 50], pages.Select(p => p.Sum(s => s.Bars.Count)));
        var merged = pages.SelectMany(p => p).GroupBy(s => s.Symbol).ToDictionary(g => g.Key, g => g.SelectMany(s => s.Bars).ToList());
        Assert.Equal(symbols, pages.SelectMany(p => p).Select(s => s.Symbol).Distinct());
        foreach (var symbol in symbols)
        {
            Assert.Equal(paper.Bars.GetBars(symbol), merged[symbol]);
        }
    }

    [Fact]
    public async Task Limit_counts_bars_across_symbols_and_a_page_never_exceeds_the_servers_page_size()
    {
        await using var paper = await PaperServer.StartAsync(o => o with { BarsPageSize = 4 });
        paper.Bars.Put("AAA", Series("AAA", 3));
        paper.Bars.Put("BBB", Series("BBB", 3));

        var limited = await paper.GetAsync("v2/stocks/bars?symbols=AAA,BBB&timeframe=1Day&start=2025-06-01&limit=2");
        var capped = await paper.GetAsync("v2/stocks/bars?symbols=AAA,BBB&timeframe=1Day&start=2025-06-01&limit=1000");

        Assert.Equal(["AAA"], Page(limited.Json).Select(s => s.Symbol));
        Assert.Equal(2, Page(limited.Json).Sum(s => s.Bars.Count));
        Assert.Equal([("AAA", 3), ("BBB", 1)], Page(capped.Json).Select(s => (s.Symbol, s.Bars.Count)));
        Assert.NotNull(capped["next_page_token"]);
    }

    [Fact]
    public async Task A_daily_bar_starts_at_midnight_new_york_with_prices_as_numbers_and_the_range_includes_both_ends()
    {
        await using var paper = await PaperServer.StartAsync();
        paper.Bars.Put("SPY", Series("SPY", 10));

        var reply = await paper.GetAsync("v2/stocks/bars?symbols=SPY&timeframe=1D&start=2025-06-03&end=2025-06-05");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        var bars = reply.Json.GetProperty("bars").GetProperty("SPY");
        Assert.Equal(["2025-06-03T04:00:00Z", "2025-06-04T04:00:00Z", "2025-06-05T04:00:00Z"], bars.EnumerateArray().Select(b => b.GetProperty("t").GetString()));
        var first = bars[0];
        Assert.Equal(JsonValueKind.Number, first.GetProperty("c").ValueKind);
        Assert.Equal(paper.Bars.GetBars("SPY")[1].Close, first.GetProperty("c").GetDecimal());
        Assert.Equal(JsonValueKind.Null, reply.Json.GetProperty("next_page_token").ValueKind);
    }

    [Fact]
    public async Task Descending_pages_resume_where_they_stopped()
    {
        await using var paper = await PaperServer.StartAsync(o => o with { BarsPageSize = 2 });
        paper.Bars.Put("SPY", Series("SPY", 5));

        var pages = await AllPagesAsync(paper, "v2/stocks/bars?symbols=SPY&timeframe=1Day&start=2025-06-01&sort=desc");

        Assert.Equal(paper.Bars.GetBars("SPY").Reverse(), pages.SelectMany(p => p).SelectMany(s => s.Bars));
        Assert.Equal(3, pages.Count);
    }

    [Fact]
    public async Task Symbols_the_store_does_not_hold_are_left_out()
    {
        await using var paper = await PaperServer.StartAsync();
        paper.Bars.Put("SPY", Series("SPY", 2));

        var reply = await paper.GetAsync("v2/stocks/bars?symbols=SPY,NOPE&timeframe=1Day&start=2025-06-01");

        Assert.Equal(["SPY"], reply.Json.GetProperty("bars").EnumerateObject().Select(p => p.Name));
    }

    [Theory]
    [InlineData("v2/stocks/bars?timeframe=1Day", "symbols is required")]
    [InlineData("v2/stocks/bars?symbols=SPY", "timeframe is required")]
    [InlineData("v2/stocks/bars?symbols=SPY&timeframe=5Min", "timeframe \"5Min\" is not supported by the test server (1Day only)")]
    [InlineData("v2/stocks/bars?symbols=SPY&timeframe=1Fortnight", "invalid timeframe \"1Fortnight\"")]
    [InlineData("v2/stocks/bars?symbols=SPY&timeframe=1Day&limit=10001", "invalid limit: \"10001\" is not a whole number from 1 to 10000")]
    [InlineData("v2/stocks/bars?symbols=SPY&timeframe=1Day&start=2025-06-05&end=2025-06-01", "end should not be before start")]
    [InlineData("v2/stocks/bars?symbols=SPY&timeframe=1Day&page_token=bm9wZQ%3D%3D", "invalid page_token")]
    [InlineData("v2/stocks/bars?symbols=SPY&timeframe=1Day&adjustment=fancy", "invalid adjustment \"fancy\"")]
    [InlineData("v2/stocks/bars?symbols=SPY&timeframe=1Day&feed=nasdaq", "invalid feed: \"nasdaq\"")]
    [InlineData("v2/stocks/bars?symbols=SPY&timeframe=1Day&currency=EUR", "currency \"EUR\" is not supported by the test server (USD only)")]
    public async Task Invalid_bar_parameters_are_400(string pathAndQuery, string message)
    {
        await using var paper = await PaperServer.StartAsync();

        (await paper.GetAsync(pathAndQuery)).AssertError(HttpStatusCode.BadRequest, 40010001, message);
    }

    /// <summary>Follows next_page_token (URL-encoded, as a client must) until the last page.</summary>
    private static async Task<List<IReadOnlyList<(string Symbol, IReadOnlyList<DailyBar> Bars)>>> AllPagesAsync(PaperServer paper, string query)
    {
        var pages = new List<IReadOnlyList<(string, IReadOnlyList<DailyBar>)>>();
        string? token = null;
        do
        {
            var reply = await paper.GetAsync(query + (token is null ? string.Empty : "&page_token=" + Uri.EscapeDataString(token)));
            Assert.Equal(HttpStatusCode.OK, reply.Status);
            pages.Add(Page(reply.Json));
            token = reply["next_page_token"];
            Assert.True(pages.Count <= 10, "the pages never end");
        }
        while (token is not null);

        return pages;
    }

    /// <summary>A page's bars by symbol, in the order sent, read back into daily bars.</summary>
    private static IReadOnlyList<(string Symbol, IReadOnlyList<DailyBar> Bars)> Page(JsonElement page) =>
        page.GetProperty("bars").EnumerateObject()
            .Select(p => (p.Name, (IReadOnlyList<DailyBar>)p.Value.EnumerateArray().Select(Bar).ToArray()))
            .ToArray();

    private static DailyBar Bar(JsonElement bar)
    {
        var start = Wire.Instant(bar.GetProperty("t").GetString());
        Assert.Equal(TimeSpan.FromHours(4), start.TimeOfDay);
        return new DailyBar(
            DateOnly.FromDateTime(start.UtcDateTime),
            bar.GetProperty("o").GetDecimal(),
            bar.GetProperty("h").GetDecimal(),
            bar.GetProperty("l").GetDecimal(),
            bar.GetProperty("c").GetDecimal(),
            bar.GetProperty("v").GetInt64());
    }

    /// <summary><paramref name="days"/> weekday bars from 2025-06-02 with prices that differ per symbol and day.</summary>
    private static IReadOnlyList<DailyBar> Series(string symbol, int days)
    {
        var seed = symbol.Sum(c => c) % 97;
        return Enumerable.Range(0, days * 2)
            .Select(i => FirstDay.AddDays(i))
            .Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            .Take(days)
            .Select((date, i) =>
            {
                var close = 50m + seed + (i * 0.37m);
                return new DailyBar(date, close - 0.25m, close + 0.5m, close - 0.75m, close, 1_000_000 + (i * 1_000) + seed);
            })
            .ToArray();
    }
}
