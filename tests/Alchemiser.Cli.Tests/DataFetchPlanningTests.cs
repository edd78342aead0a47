using Alchemiser.Cli.DataFetch;
using Alchemiser.Core.MarketData;
using Alchemiser.Local.Synthetic;

namespace Alchemiser.Cli.Tests;

/// <summary>The pure parts of <c>data fetch</c>: what to ask for per symbol, how bars are merged, what is remembered, and resuming after an interruption.</summary>
public class DataFetchPlanningTests
{
    // Thursday 2024-01-04 … Friday 2024-06-28; 2024-01-06 is a Saturday, 2024-06-29/30 a weekend.
    private static readonly DateOnly Start = new(2024, 1, 4);
    private static readonly DateOnly End = new(2024, 6, 28);

    private static DailyBar Bar(string date, decimal close) => new(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), close, close, close, close, 100);

    private static List<DailyBar> Days(DateOnly from, DateOnly to, decimal close = 10m) =>
        NyseCalendar.TradingDays(from, to).Select(d => new DailyBar(d, close, close, close, close, 100)).ToList();

    [Fact]
    public void A_symbol_without_a_file_is_fetched_whole()
    {
        var step = FetchPlanner.Plan("SPY", null, null, Start, End);

        Assert.Equal(new FetchStep("SPY", FetchKind.Full, Start, End, "no file yet"), step);
    }

    [Fact]
    public void An_unreadable_or_empty_file_is_fetched_whole()
    {
        Assert.Equal(FetchKind.Full, FetchPlanner.Plan("SPY", StoredSeries.Unreadable("SPY.csv:3: bad date"), null, Start, End).Kind);
        Assert.Contains("SPY.csv:3: bad date", FetchPlanner.Plan("SPY", StoredSeries.Unreadable("SPY.csv:3: bad date"), null, Start, End).Reason, StringComparison.Ordinal);
        Assert.Equal(FetchKind.Full, FetchPlanner.Plan("SPY", StoredSeries.Of([]), null, Start, End).Kind);
    }

    [Fact]
    public void A_file_from_the_first_to_the_last_trading_day_of_the_range_is_up_to_date()
    {
        // The range starts and ends on weekends: the file need only hold the trading days inside it.
        var stored = StoredSeries.Of(Days(new DateOnly(2024, 1, 8), new DateOnly(2024, 6, 28)));

        var step = FetchPlanner.Plan("SPY", stored, null, new DateOnly(2024, 1, 6), new DateOnly(2024, 6, 30));

        Assert.Equal(FetchKind.UpToDate, step.Kind);
    }

    [Fact]
    public void A_file_that_ends_early_is_fetched_from_its_last_date_on()
    {
        var stored = StoredSeries.Of(Days(new DateOnly(2023, 6, 1), new DateOnly(2024, 3, 15)));

        var step = FetchPlanner.Plan("SPY", stored, null, Start, End);

        Assert.Equal(FetchKind.Append, step.Kind);
        Assert.Equal(new DateOnly(2024, 3, 15), step.From);
        Assert.Equal(End, step.To);
    }

    [Fact]
    public void A_file_that_starts_late_is_fetched_whole_keeping_its_later_bars()
    {
        var stored = StoredSeries.Of(Days(new DateOnly(2024, 3, 1), new DateOnly(2024, 9, 30)));

        var step = FetchPlanner.Plan("SPY", stored, null, Start, End);

        Assert.Equal(FetchKind.Full, step.Kind);
        Assert.Equal(Start, step.From);
        Assert.Equal(new DateOnly(2024, 9, 30), step.To);
    }

    [Fact]
    public void Dates_already_asked_for_are_not_asked_again_while_the_file_is_unchanged()
    {
        // Listed 2024-03-01 and no bar after 2024-06-20 on this feed: the last fetch asked for the whole range.
        var first = new DateOnly(2024, 3, 1);
        var last = new DateOnly(2024, 6, 20);
        var stored = StoredSeries.Of(Days(first, last));

        Assert.Equal(FetchKind.UpToDate, FetchPlanner.Plan("NEW", stored, new FetchedRange(Start, first, End, last), Start, End).Kind);
        Assert.Equal(FetchKind.Full, FetchPlanner.Plan("NEW", stored, new FetchedRange(Start.AddDays(1), first, End, last), Start, End).Kind);
        Assert.Equal(FetchKind.Append, FetchPlanner.Plan("NEW", stored, new FetchedRange(Start, first, End.AddDays(-1), last), Start, End).Kind);
    }

    [Fact]
    public void What_was_asked_no_longer_counts_once_the_file_was_cut_short_or_replaced()
    {
        var first = new DateOnly(2024, 3, 1);
        var range = new FetchedRange(Start, first, End, new DateOnly(2024, 6, 20));

        var cut = FetchPlanner.Plan("NEW", StoredSeries.Of(Days(first, new DateOnly(2024, 5, 1))), range, Start, End);
        var replaced = FetchPlanner.Plan("NEW", StoredSeries.Of(Days(new DateOnly(2024, 3, 4), new DateOnly(2024, 6, 20))), range, Start, End);

        Assert.Equal((FetchKind.Append, new DateOnly(2024, 5, 1)), (cut.Kind, cut.From));
        Assert.Equal(FetchKind.Full, replaced.Kind);
    }

    [Fact]
    public void A_refetch_keeps_the_span_the_file_had()
    {
        var stored = Days(new DateOnly(2020, 1, 2), new DateOnly(2024, 3, 15));

        var step = FetchPlanner.Refetch("SPY", stored, Start, End, "re-adjusted");

        Assert.Equal((FetchKind.Full, new DateOnly(2020, 1, 2), End), (step.Kind, step.From, step.To));
    }

    [Fact]
    public void Appending_drops_the_overlapping_bar_and_keeps_dates_strictly_increasing()
    {
        List<DailyBar> stored = [Bar("2024-01-02", 10m), Bar("2024-01-03", 11m)];
        List<DailyBar> fetched = [Bar("2024-01-05", 13m), Bar("2024-01-03", 11m), Bar("2024-01-04", 12m)];

        var merged = FetchMerge.Append(stored, fetched);

        Assert.NotNull(merged);
        Assert.Equal(["2024-01-02", "2024-01-03", "2024-01-04", "2024-01-05"], merged.Select(b => b.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        BarSeriesRules.Check("SPY", merged, "merged");
    }

    [Fact]
    public void Appending_refuses_when_the_overlapping_close_differs_or_is_missing()
    {
        List<DailyBar> stored = [Bar("2024-01-02", 10m), Bar("2024-01-03", 11m)];

        Assert.Null(FetchMerge.Append(stored, [Bar("2024-01-03", 5.5m), Bar("2024-01-04", 6m)]));
        Assert.Null(FetchMerge.Append(stored, [Bar("2024-01-04", 12m)]));
        Assert.NotNull(FetchMerge.Append(stored, [Bar("2024-01-03", 11.000001m), Bar("2024-01-04", 12m)]));
    }

    [Fact]
    public void An_empty_fetch_leaves_the_stored_series_as_it_is()
    {
        List<DailyBar> stored = [Bar("2024-01-02", 10m)];

        Assert.Same(stored, FetchMerge.Append(stored, []));
    }

    [Fact]
    public void The_state_round_trips_and_ignores_garbage()
    {
        var state = new FetchState();
        var spy = new FetchedRange(new DateOnly(2020, 1, 1), new DateOnly(2020, 1, 2), new DateOnly(2024, 6, 28), new DateOnly(2024, 6, 28));
        var brk = new FetchedRange(null, new DateOnly(2021, 1, 4), new DateOnly(2024, 6, 28), new DateOnly(2024, 6, 27));
        state.Record("SPY", spy with { Through = new DateOnly(2023, 1, 1) });
        state.Record("SPY", spy);
        state.Record("BRK/B", brk);

        var read = FetchState.Parse(state.ToJson());

        Assert.Equal(spy, read.Get("SPY"));
        Assert.Equal(brk, read.Get("BRK/B"));
        Assert.Null(read.Get("QQQ"));
        Assert.Null(FetchState.Parse("{not json").Get("SPY"));
        Assert.Null(FetchState.Parse("[1,2]").Get("SPY"));
        Assert.Null(FetchState.Parse("""{"symbols":{"SPY":{"through":"2024-06-28"}}}""").Get("SPY"));
    }

    [Fact]
    public async Task An_interrupted_fetch_leaves_complete_files_only_and_the_next_one_asks_for_the_rest()
    {
        using var temp = new TempFolder();
        var market = new SyntheticMarket(3).Generate(["AAA", "BBB", "CCC"], new DateOnly(2023, 1, 3), End);
        var target = new FolderFetchTarget(temp.Path);
        var failing = new RecordingSource(market, failOnCall: 2);

        // One symbol per request: the second request fails, as a network cut or Ctrl+C would.
        await Assert.ThrowsAsync<HttpRequestException>(() => new BarFetcher(failing, target, barsPerRequest: 1).RunAsync(["AAA", "BBB", "CCC"], Start, End));

        Assert.Equal(["AAA.csv"], Directory.GetFiles(temp.Path, "*.csv").Select(Path.GetFileName));
        Assert.Empty(Directory.GetFiles(temp.Path, "*.tmp"));
        Assert.Equal(market["AAA"].Where(b => b.Date >= Start), CsvBarParser.Parse(File.ReadAllBytes(Path.Combine(temp.Path, "AAA.csv")), "AAA.csv"));

        var working = new RecordingSource(market);
        var outcomes = await new BarFetcher(working, target, barsPerRequest: 1).RunAsync(["AAA", "BBB", "CCC"], Start, End);

        Assert.Equal(["BBB", "CCC"], working.Calls.SelectMany(c => c.Symbols).Order(StringComparer.Ordinal));
        Assert.Equal([FetchOutcomeKind.UpToDate, FetchOutcomeKind.Written, FetchOutcomeKind.Written], outcomes.Select(o => o.Kind));
        foreach (var symbol in new[] { "BBB", "CCC" })
        {
            Assert.Equal(market[symbol].Where(b => b.Date >= Start), CsvBarParser.Parse(File.ReadAllBytes(Path.Combine(temp.Path, symbol + ".csv")), symbol));
        }
    }

    [Fact]
    public async Task A_file_whose_prices_no_longer_match_is_fetched_again_whole()
    {
        using var temp = new TempFolder();
        var market = new SyntheticMarket(3).Generate(["AAA"], new DateOnly(2023, 1, 3), End);
        // What was stored before a 2:1 split: every price twice today's adjusted one, and only up to March.
        var beforeSplit = market["AAA"].Where(b => b.Date <= new DateOnly(2024, 3, 15))
            .Select(b => b with { Open = b.Open * 2, High = b.High * 2, Low = b.Low * 2, Close = b.Close * 2 }).ToList();
        CsvBarWriter.WriteSymbol(temp.Path, "AAA", beforeSplit);
        var source = new RecordingSource(market);

        var outcomes = await new BarFetcher(source, new FolderFetchTarget(temp.Path)).RunAsync(["AAA"], Start, End);

        Assert.Equal(2, source.Calls.Count);
        Assert.Equal((new DateOnly(2024, 3, 15), End), (source.Calls[0].From, source.Calls[0].To));
        Assert.Equal((new DateOnly(2023, 1, 3), End), (source.Calls[1].From, source.Calls[1].To));
        var outcome = Assert.Single(outcomes);
        Assert.Equal(FetchOutcomeKind.Written, outcome.Kind);
        Assert.Contains("stored prices differ", outcome.Note, StringComparison.Ordinal);
        Assert.Equal(market["AAA"], CsvBarParser.Parse(File.ReadAllBytes(Path.Combine(temp.Path, "AAA.csv")), "AAA.csv"));
    }

    /// <summary>A bar source over fixed series that records its calls and can fail one of them.</summary>
    private sealed class RecordingSource(IReadOnlyDictionary<string, IReadOnlyList<DailyBar>> series, int failOnCall = 0) : IDailyBarSource
    {
        public List<(string[] Symbols, DateOnly From, DateOnly To)> Calls { get; } = [];

        public Task<IReadOnlyDictionary<string, IReadOnlyList<DailyBar>>> GetDailyBarsAsync(
            IReadOnlyCollection<string> symbols, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
        {
            Calls.Add(([.. symbols], from, to));
            if (Calls.Count == failOnCall)
            {
                throw new HttpRequestException("connection reset");
            }

            var result = new Dictionary<string, IReadOnlyList<DailyBar>>(StringComparer.Ordinal);
            foreach (var symbol in symbols)
            {
                if (series.TryGetValue(symbol, out var bars) && bars.Where(b => b.Date >= from && b.Date <= to).ToList() is { Count: > 0 } inRange)
                {
                    result[symbol] = inRange;
                }
            }

            return Task.FromResult<IReadOnlyDictionary<string, IReadOnlyList<DailyBar>>>(result);
        }
    }
}
