using Alchemiser.Core.Hosting;
using Alchemiser.Core.Events;
using Alchemiser.Core.MarketData;
using Alchemiser.Functions.Tests.Support;
using Alchemiser.Local.MarketData;
using Alchemiser.StrategyWorker;

namespace Alchemiser.Functions.Tests.StrategyWorker;

/// <summary>The worker: one strategy, one date, stored bars plus today's live bar by policy.</summary>
public sealed class StrategyEvaluationServiceTests : IDisposable
{
    private static readonly DateOnly Today = new(2024, 1, 17);
    private readonly string _folder = Directory.CreateTempSubdirectory("alchemiser-worker-").FullName;
    private readonly RecordingPublisher _events = new();
    private readonly InMemoryBarStore _bars = new();

    public StrategyEvaluationServiceTests()
    {
        // AAA's closes up to 2024-01-16 (DSL.md §12); a live 113.5 on the 17th makes rsi 3 = 86.16 (T6c).
        decimal[] closes = [100, 102, 101, 105, 103, 108, 107, 110, 109, 112];
        string[] dates = ["2024-01-02", "2024-01-03", "2024-01-04", "2024-01-05", "2024-01-08", "2024-01-09", "2024-01-10", "2024-01-11", "2024-01-12", "2024-01-16"];
        _bars.Put("AAA", dates.Zip(closes).Select(p => new DailyBar(DateOnly.Parse(p.First, System.Globalization.CultureInfo.InvariantCulture), p.Second, p.Second, p.Second, p.Second, 100)));
        File.WriteAllText(Path.Combine(_folder, "live.clj"), """(defsymphony "Live" {} (if (> (rsi "AAA" {:window 3}) 86) [(asset "UP")] [(asset "DOWN")]))""");
    }

    private StrategyEvaluationService Worker(IQuoteSource quotes) =>
        new(_bars, quotes, _events, FakeClock.At1530NewYork(Today), new StrategyLibrary(_folder));

    private static EventEnvelope Request(string file, string policy) => EventEnvelope.Create(
        new StrategyEvaluationRequested("dev:2024-01-17", Today, "dev", Path.GetFileNameWithoutExtension(file), file, 1m, 1, policy),
        "run-1:StrategyEvaluationRequested:live",
        "run-1",
        null,
        DateTimeOffset.UnixEpoch,
        EventSources.StrategyOrchestrator,
        "test");

    private static FixedQuotes LiveAt(decimal price, DateOnly date) => new(new Dictionary<string, LatestPrice>
    {
        ["AAA"] = new("AAA", price, new DateTimeOffset(date.ToDateTime(new TimeOnly(20, 29)), TimeSpan.Zero)),
    });

    [Fact]
    public async Task Under_live_bar_todays_price_is_appended_and_decides_the_allocation()
    {
        await Worker(LiveAt(113.5m, Today)).HandleAsync(Request("live.clj", LiveBarPolicies.LiveBar));

        var partial = Assert.Single(_events.Published).PayloadAs<PartialSignalGenerated>();
        Assert.True(partial.LiveBar);
        Assert.Equal(Today, partial.DataAsOf);
        Assert.Equal(["UP"], partial.Allocation.Keys);
        Assert.Equal(1, partial.TraceSummary.Decisions);
        Assert.Equal(["live.clj:1:25 then"], partial.TraceSummary.Path);
    }

    [Fact]
    public async Task Under_previous_close_the_live_price_is_ignored()
    {
        await Worker(LiveAt(113.5m, Today)).HandleAsync(Request("live.clj", LiveBarPolicies.PreviousClose));

        var partial = Assert.Single(_events.Published).PayloadAs<PartialSignalGenerated>();
        Assert.False(partial.LiveBar);
        Assert.Equal(new DateOnly(2024, 1, 16), partial.DataAsOf);
        Assert.Equal(["DOWN"], partial.Allocation.Keys); // rsi 3 as of the 16th is 81.7
    }

    [Fact]
    public async Task A_stale_live_price_from_another_day_is_not_todays_bar()
    {
        await Worker(LiveAt(113.5m, Today.AddDays(-1))).HandleAsync(Request("live.clj", LiveBarPolicies.LiveBar));

        Assert.False(Assert.Single(_events.Published).PayloadAs<PartialSignalGenerated>().LiveBar);
    }

    [Fact]
    public async Task A_missing_file_fails_the_strategy_as_a_configuration_error_in_one_line()
    {
        await Worker(new FixedQuotes()).HandleAsync(Request("gone.clj", LiveBarPolicies.LiveBar));

        var failed = Assert.Single(_events.Published).PayloadAs<StrategyEvaluationFailed>();
        Assert.Equal("configuration", failed.Category);
        Assert.Contains("gone.clj", failed.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', failed.Reason);
    }

    [Fact]
    public async Task Insufficient_history_is_a_data_error_and_a_redelivered_request_republishes_the_same_event_id()
    {
        File.WriteAllText(Path.Combine(_folder, "long.clj"), """(defsymphony "Long" {} (if (> (rsi "AAA" {:window 50}) 50) [(asset "UP")] [(asset "DOWN")]))""");
        var worker = Worker(new FixedQuotes());

        await worker.HandleAsync(Request("long.clj", LiveBarPolicies.LiveBar));
        await worker.HandleAsync(Request("long.clj", LiveBarPolicies.LiveBar));

        Assert.Equal(2, _events.Published.Count);
        Assert.Single(_events.Published.Select(e => e.EventId).Distinct());
        var failed = _events.Published[0].PayloadAs<StrategyEvaluationFailed>();
        Assert.Equal("data", failed.Category);
        Assert.StartsWith("long.clj:1:32: insufficient history: rsi(window=50) on AAA", failed.Reason, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
