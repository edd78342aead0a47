using Microsoft.Data.Sqlite;

namespace Alchemiser.Local.Sessions;

/// <summary>
/// The SQLite layout of aggregation sessions: one row per session, one row per recorded result (its primary key
/// makes a result exactly-once per session and strategy). Timestamps are UTC ticks (INTEGER, every tick kept, ordered
/// numerically); trading dates are <c>yyyy-MM-dd</c>; decimals live only inside JSON text, never as REAL.
/// </summary>
internal static class SqliteSessionSchema
{
    /// <summary>A connection waits up to 5 s for another writer (thread or process) before it reports busy.</summary>
    private const string BusyTimeout = "PRAGMA busy_timeout = 5000;";

    private const string Tables = """
        CREATE TABLE IF NOT EXISTS sessions (
            session_id       TEXT    NOT NULL PRIMARY KEY,
            correlation_id   TEXT    NOT NULL,
            trading_date     TEXT    NOT NULL,
            stage            TEXT    NOT NULL,
            failure_policy   TEXT    NOT NULL,
            strategies       TEXT    NOT NULL,
            created_at       INTEGER NOT NULL,
            deadline         INTEGER NOT NULL,
            expires_at       INTEGER NOT NULL,
            status           TEXT    NOT NULL,
            claimed_by       TEXT,
            claim_expires_at INTEGER,
            outcome_event_id TEXT
        ) STRICT;
        CREATE INDEX IF NOT EXISTS sessions_by_stage_and_date ON sessions (stage, trading_date);
        CREATE INDEX IF NOT EXISTS sessions_by_expiry ON sessions (expires_at);
        CREATE TABLE IF NOT EXISTS results (
            session_id       TEXT    NOT NULL,
            strategy_id      TEXT    NOT NULL,
            succeeded        INTEGER NOT NULL,
            allocation       TEXT,
            failure_category TEXT,
            failure_reason   TEXT,
            event_id         TEXT    NOT NULL,
            recorded_at      INTEGER NOT NULL,
            PRIMARY KEY (session_id, strategy_id)
        ) STRICT;
        PRAGMA user_version = 1;
        """;

    /// <summary>
    /// Creates the tables unless they exist and switches the file to write-ahead logging (readers never block the one
    /// writer). Idempotent, and safe when several stores (or processes) do it at once.
    /// </summary>
    public static void Ensure(SqliteConnection connection)
    {
        Execute(connection, BusyTimeout);
        Execute(connection, "PRAGMA journal_mode = WAL;");
        using var transaction = connection.BeginTransaction(deferred: false);
        using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = Tables;
            command.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
