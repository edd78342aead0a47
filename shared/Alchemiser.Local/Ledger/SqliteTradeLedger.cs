using Alchemiser.Core.Trading;
using Alchemiser.Local.Storage;
using Microsoft.Data.Sqlite;

namespace Alchemiser.Local.Ledger;

/// <summary>
/// The embedded trade ledger: one SQLite file (write-ahead log, 5 s busy timeout), safe for many threads and for
/// several processes on the same file, which it may share with the session store. A fill is recorded by one
/// <c>INSERT ... ON CONFLICT (fill_id) DO NOTHING</c>, so it is recorded once per fill id however many callers race.
/// Each call takes its own connection from Microsoft.Data.Sqlite's pool (one pool per file, shared by every store on
/// it in the process); idle pooled connections keep the file open until <see cref="SqliteConnection.ClearAllPools"/>
/// or the process ends.
/// </summary>
/// <remarks>The folder and the schema are created on first use.</remarks>
public sealed class SqliteTradeLedger : ITradeLedger
{
    private readonly SqliteFile _file;

    /// <summary>A ledger on the SQLite file at <paramref name="databasePath"/>; the file and its folder need not exist yet.</summary>
    public SqliteTradeLedger(string databasePath)
    {
        _file = new SqliteFile(databasePath, SqliteLedgerSchema.Tables);
    }

    /// <summary>The full path of the database file.</summary>
    public string DatabasePath => _file.DatabasePath;

    /// <inheritdoc />
    public async Task<bool> RecordAsync(LedgerFill fill, CancellationToken cancellationToken = default)
    {
        LedgerFillRules.Validate(fill);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = SqliteLedgerRows.Insert;
        SqliteLedgerRows.Bind(command.Parameters, fill);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<LedgerFill>> ByCorrelationAsync(string correlationId, CancellationToken cancellationToken = default)
    {
        LedgerQueryChecks.Correlation(correlationId);
        return FindAsync("correlation_id = $correlation_id", p => p.AddWithValue("$correlation_id", correlationId), cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<LedgerFill>> ByTradingDateRangeAsync(
        DateOnly from, DateOnly to, string? symbol = null, CancellationToken cancellationToken = default)
    {
        LedgerQueryChecks.Range(from, to, symbol);
        var condition = symbol is null
            ? "trading_date BETWEEN $from AND $to"
            : "trading_date BETWEEN $from AND $to AND symbol = $symbol";
        return FindAsync(condition, p =>
        {
            p.AddWithValue("$from", SqliteLedgerRows.DateText(from));
            p.AddWithValue("$to", SqliteLedgerRows.DateText(to));
            if (symbol is not null)
            {
                p.AddWithValue("$symbol", symbol);
            }
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<LedgerFill>> BySymbolAsync(string symbol, CancellationToken cancellationToken = default)
    {
        LedgerQueryChecks.Symbol(symbol);
        return FindAsync("symbol = $symbol", p => p.AddWithValue("$symbol", symbol), cancellationToken);
    }

    /// <summary>The matching fills in the port's order (re-sorted in .NET: SQLite's text order is not ordinal UTF-16 order).</summary>
    private async Task<IReadOnlyList<LedgerFill>> FindAsync(
        string condition, Action<SqliteParameterCollection> bind, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return LedgerOrder.Chronological(await SqliteLedgerRows.ReadAsync(connection, condition, bind, cancellationToken));
    }

    private Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken) => _file.OpenAsync(cancellationToken);
}
