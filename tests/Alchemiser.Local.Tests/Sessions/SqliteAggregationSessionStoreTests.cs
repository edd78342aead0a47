using Alchemiser.Core.Sessions;
using Alchemiser.Local.Sessions;
using Alchemiser.Local.Tests.MarketData;
using Microsoft.Data.Sqlite;
using static Alchemiser.Local.Tests.Sessions.SessionSamples;

namespace Alchemiser.Local.Tests.Sessions;

/// <summary>What the SQLite store does beyond the port's contract: a file that outlives the store, several stores
/// (processes) on one file, the folder created for it, and the purge of expired sessions.</summary>
public sealed class SqliteAggregationSessionStoreTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private string DatabasePath => _folder.PathOf("sessions.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    [Fact]
    public async Task Sessions_results_and_claims_survive_reopening_the_file()
    {
        var first = new SqliteAggregationSessionStore(DatabasePath);
        await first.TryCreateAsync(NewSession("run-1", strategies: 2));
        await first.RecordResultAsync("run-1", Success("s01", "ev-1", ("SPY", 0.6m), ("TLT", 0.4m)));
        await first.RecordResultAsync("run-1", Failure("s02", "ev-2", "data", "no bars"));
        await first.TryClaimAsync("run-1", "aggregator-a", Start, Lease);
        await first.TryFinishAsync("run-1", "aggregator-a", SessionStatus.Failed, "failed-1");
        var written = SessionText.Of((await first.GetAsync("run-1"))!);

        var reopened = new SqliteAggregationSessionStore(DatabasePath);

        Assert.Equal(written, SessionText.Of((await reopened.GetAsync("run-1"))!));
        Assert.False((await reopened.RecordResultAsync("run-1", Success("s01", "ev-3"))).Recorded);
        Assert.False(await reopened.TryCreateAsync(NewSession("run-1")));
    }

    [Fact]
    public async Task The_file_and_its_missing_folders_are_created_on_first_use_and_not_before()
    {
        var path = _folder.PathOf(Path.Combine("state", "local", "sessions.db"));

        var store = new SqliteAggregationSessionStore(path);
        Assert.False(Directory.Exists(Path.GetDirectoryName(path)));

        Assert.Null(await store.GetAsync("run-1"));
        Assert.True(File.Exists(path));
        Assert.Equal(path, store.DatabasePath);
    }

    [Fact]
    public async Task The_file_uses_write_ahead_logging()
    {
        await new SqliteAggregationSessionStore(DatabasePath).TryCreateAsync(NewSession("run-1"));

        Assert.Equal("wal", Query(DatabasePath, "PRAGMA journal_mode;"));
    }

    [Fact]
    public async Task Weights_are_kept_in_the_file_as_exact_decimal_text()
    {
        var store = new SqliteAggregationSessionStore(DatabasePath);
        await store.TryCreateAsync(NewSession("run-1", strategies: 3));
        await store.RecordResultAsync("run-1", Success("s01", "ev-1", ("SPY", 0.1000000000000000000000000001m)));

        Assert.Contains("0.3333333333333333333333333333", Query(DatabasePath, "SELECT strategies FROM sessions;"));
        Assert.Contains("0.1000000000000000000000000001", Query(DatabasePath, "SELECT allocation FROM results;"));
    }

    [Fact]
    public async Task Two_stores_racing_on_one_new_file_record_each_result_once_and_let_one_claim_win()
    {
        const int Count = 50;
        var stores = new[] { new SqliteAggregationSessionStore(DatabasePath), new SqliteAggregationSessionStore(DatabasePath) };
        var deliveries = Enumerable.Range(1, Count)
            .SelectMany(i => new[] { Success(StrategyId(i), $"{StrategyId(i)}-a"), Success(StrategyId(i), $"{StrategyId(i)}-b") })
            .ToArray();
        new Random(7).Shuffle(deliveries);

        var created = await Concurrently.Run(2, i => stores[i].TryCreateAsync(NewSession("run-1", strategies: Count)));
        var outcomes = await Concurrently.Run(deliveries.Length, i => stores[i % 2].RecordResultAsync("run-1", deliveries[i]));
        var claims = await Concurrently.Run(20, i => stores[i % 2].TryClaimAsync("run-1", $"aggregator-{i}", Start, Lease));

        Assert.Single(created, c => c);
        Assert.Equal(Count, outcomes.Count(o => o.Recorded));
        Assert.Single(outcomes, o => o.Recorded && o.Session.IsComplete);
        var winner = Assert.Single(Enumerable.Range(0, claims.Length), i => claims[i]);
        var session = (await new SqliteAggregationSessionStore(DatabasePath).GetAsync("run-1"))!;
        Assert.Equal(Count, session.ReceivedCount);
        Assert.Equal($"aggregator-{winner}", session.ClaimedBy);
    }

    [Fact]
    public async Task Expired_sessions_are_still_read_until_they_are_purged()
    {
        var store = new SqliteAggregationSessionStore(DatabasePath);
        await store.TryCreateAsync(NewSession("run-1", createdAt: Start.AddDays(-30)));

        Assert.NotNull(await store.GetAsync("run-1"));
        Assert.Single(await store.FindAsync("paper", Date));
    }

    [Fact]
    public async Task Purging_deletes_the_sessions_that_expired_before_now_with_their_results()
    {
        var store = new SqliteAggregationSessionStore(DatabasePath);
        var now = Start + AggregationSession.TimeToLive;
        await store.TryCreateAsync(NewSession("old", createdAt: Start - TimeSpan.FromTicks(1)));
        await store.TryCreateAsync(NewSession("older", createdAt: Start.AddDays(-1)));
        await store.TryCreateAsync(NewSession("expires-now", createdAt: Start));
        await store.TryCreateAsync(NewSession("fresh", createdAt: Start.AddDays(1)));
        await store.RecordResultAsync("old", Success("s01"));

        Assert.Equal(2, await store.PurgeExpiredAsync(now));

        Assert.Equal(["fresh", "expires-now"], (await store.FindAsync("paper", Date)).Select(s => s.SessionId));
        Assert.True(await store.TryCreateAsync(NewSession("old")));
        Assert.Empty((await store.GetAsync("old"))!.Results);
        Assert.Equal(0, await store.PurgeExpiredAsync(now));
    }

    [Fact]
    public void A_store_needs_a_path()
    {
        Assert.Throws<ArgumentException>(() => new SqliteAggregationSessionStore(" "));
    }

    private static string Query(string databasePath, string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (string)command.ExecuteScalar()!;
    }
}
