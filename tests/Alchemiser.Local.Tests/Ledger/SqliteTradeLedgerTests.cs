using Alchemiser.Core.Trading;
using Alchemiser.Local.Ledger;
using Alchemiser.Local.Sessions;
using Alchemiser.Local.Tests.MarketData;
using Alchemiser.Local.Tests.Sessions;
using Microsoft.Data.Sqlite;
using static Alchemiser.Local.Tests.Ledger.LedgerSamples;

namespace Alchemiser.Local.Tests.Ledger;

/// <summary>What the SQLite ledger does beyond the port's contract: a file that outlives the ledger, several ledgers
/// (processes) on one file, the folder created for it, and a file shared with the session store.</summary>
public sealed class SqliteTradeLedgerTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private string DatabasePath => _folder.PathOf("alchemiser.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    [Fact]
    public async Task Fills_survive_reopening_the_file_and_stay_recorded_once()
    {
        var first = new SqliteTradeLedger(DatabasePath);
        var fill = Fill("f-1", quantity: 12.50m, price: 99.9900m);
        await first.RecordAsync(fill);
        await first.RecordAsync(Fill("f-2", symbol: "QQQ", filledAt: Close.AddSeconds(1)));
        SqliteConnection.ClearAllPools();

        var reopened = new SqliteTradeLedger(DatabasePath);

        Assert.False(await reopened.RecordAsync(fill));
        Assert.Equal(FillText.Of(fill), FillText.Of(Assert.Single(await reopened.BySymbolAsync("SPY"))));
        Assert.Equal(["f-1", "f-2"], (await reopened.ByCorrelationAsync("corr-1")).Select(f => f.FillId));
    }

    [Fact]
    public async Task Two_ledgers_on_one_file_see_each_others_fills_and_record_a_fill_once_between_them()
    {
        var a = new SqliteTradeLedger(DatabasePath);
        var b = new SqliteTradeLedger(DatabasePath);
        var fills = Enumerable.Range(0, 20).Select(i => Fill($"f-{i:D2}", filledAt: Close.AddSeconds(i))).ToArray();

        var recorded = await Concurrently.Run(fills.Length * 2, i => (i % 2 == 0 ? a : b).RecordAsync(fills[i / 2]));

        Assert.Equal(fills.Length, recorded.Count(r => r));
        Assert.Equal(FillText.Of(fills), FillText.Of(await a.ByCorrelationAsync("corr-1")));
        Assert.Equal(FillText.Of(fills), FillText.Of(await b.ByTradingDateRangeAsync(Date, Date, "SPY")));
    }

    [Fact]
    public async Task The_folder_and_the_file_are_created_on_first_use()
    {
        var path = _folder.PathOf(Path.Combine("state", "nested", "ledger.db"));
        var ledger = new SqliteTradeLedger(path);
        Assert.False(File.Exists(path));

        Assert.Empty(await ledger.BySymbolAsync("SPY"));

        Assert.True(File.Exists(path));
        Assert.Equal(Path.GetFullPath(path), ledger.DatabasePath);
    }

    [Fact]
    public async Task The_ledger_shares_a_file_with_the_session_store_without_either_disturbing_the_other()
    {
        var sessions = new SqliteAggregationSessionStore(DatabasePath);
        await sessions.TryCreateAsync(SessionSamples.NewSession("run-1"));
        var ledger = new SqliteTradeLedger(DatabasePath);

        Assert.True(await ledger.RecordAsync(Fill("f-1")));

        var reopenedSessions = new SqliteAggregationSessionStore(DatabasePath);
        Assert.NotNull(await reopenedSessions.GetAsync("run-1"));
        Assert.True((await reopenedSessions.RecordResultAsync("run-1", SessionSamples.Success("s01"))).Recorded);
        Assert.Equal(["f-1"], (await new SqliteTradeLedger(DatabasePath).BySymbolAsync("SPY")).Select(f => f.FillId));
    }

    [Fact]
    public async Task Quantities_and_prices_are_stored_as_invariant_text_not_floating_point()
    {
        var ledger = new SqliteTradeLedger(DatabasePath);
        await ledger.RecordAsync(Fill("f-1", quantity: 0.1000000000000000000000000001m, price: 123.4500m) with
        {
            Attribution = [new StrategyAttribution("momentum", 0.1000000000000000000000000001m)],
        });

        await using var connection = new SqliteConnection($"Data Source={DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT typeof(quantity), quantity, typeof(price), price FROM ledger_fills;";
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());

        Assert.Equal(["text", "0.1000000000000000000000000001", "text", "123.4500"], Enumerable.Range(0, 4).Select(reader.GetString));
    }
}
