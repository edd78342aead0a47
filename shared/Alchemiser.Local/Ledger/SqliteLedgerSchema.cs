namespace Alchemiser.Local.Ledger;

/// <summary>
/// The SQLite layout of the trade ledger: one row per fill, keyed by fill id (which makes recording idempotent).
/// Decimals are invariant text (exact, scale kept, never REAL); timestamps are UTC ticks (INTEGER, every tick kept,
/// ordered numerically); trading dates are <c>yyyy-MM-dd</c>, so text order is date order. The table and its indexes
/// have names of their own, so the ledger can share a file with the session store; it leaves <c>user_version</c> alone.
/// </summary>
internal static class SqliteLedgerSchema
{
    /// <summary>The tables and indexes, created by <see cref="Storage.SqliteFile"/> unless they exist.</summary>
    public const string Tables = """
        CREATE TABLE IF NOT EXISTS ledger_fills (
            fill_id          TEXT    NOT NULL PRIMARY KEY,
            correlation_id   TEXT    NOT NULL,
            trading_date     TEXT    NOT NULL,
            symbol           TEXT    NOT NULL,
            side             TEXT    NOT NULL,
            quantity         TEXT    NOT NULL,
            price            TEXT    NOT NULL,
            client_order_id  TEXT    NOT NULL,
            broker_order_id  TEXT,
            attribution      TEXT    NOT NULL,
            filled_at        INTEGER NOT NULL,
            recorded_at      INTEGER NOT NULL
        ) STRICT;
        CREATE INDEX IF NOT EXISTS ledger_fills_by_correlation ON ledger_fills (correlation_id);
        CREATE INDEX IF NOT EXISTS ledger_fills_by_date_and_symbol ON ledger_fills (trading_date, symbol);
        CREATE INDEX IF NOT EXISTS ledger_fills_by_symbol ON ledger_fills (symbol);
        """;
}
