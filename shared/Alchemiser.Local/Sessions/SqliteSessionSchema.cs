namespace Alchemiser.Local.Sessions;

/// <summary>
/// The SQLite layout of aggregation sessions: one row per session, one row per recorded result (its primary key
/// makes a result exactly-once per session and strategy). Timestamps are UTC ticks (INTEGER, every tick kept, ordered
/// numerically); trading dates are <c>yyyy-MM-dd</c>; decimals live only inside JSON text, never as REAL.
/// </summary>
internal static class SqliteSessionSchema
{
    /// <summary>The tables and indexes, created by <see cref="Storage.SqliteFile"/> unless they exist.</summary>
    public const string Tables = """
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
}
