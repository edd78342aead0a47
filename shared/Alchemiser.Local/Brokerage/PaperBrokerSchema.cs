namespace Alchemiser.Local.Brokerage;

/// <summary>
/// The SQLite layout of the paper broker: one account row (cash, the order counter, how far matching has got, and a
/// version that every write raises, so a broker can tell whether its copy of the account is current), one
/// row per open position (quantity and exact cost), one per order ever accepted (its client order id unique), one per
/// fill. Decimals are invariant text (exact, scale kept, never REAL); timestamps are UTC ticks (INTEGER). Tables are
/// prefixed <c>paper_</c>, so the broker can share a file with the ledger and the session store; it leaves
/// <c>user_version</c> alone.
/// </summary>
internal static class PaperBrokerSchema
{
    /// <summary>The tables and indexes, created by <see cref="Storage.SqliteFile"/> unless they exist.</summary>
    public const string Tables = """
        CREATE TABLE IF NOT EXISTS paper_account (
            singleton          INTEGER NOT NULL PRIMARY KEY CHECK (singleton = 1),
            account_id         TEXT    NOT NULL,
            cash               TEXT    NOT NULL,
            next_order_number  INTEGER NOT NULL,
            matched_through    INTEGER NOT NULL,
            version            INTEGER NOT NULL
        ) STRICT;
        CREATE TABLE IF NOT EXISTS paper_positions (
            symbol      TEXT NOT NULL PRIMARY KEY,
            quantity    TEXT NOT NULL,
            cost_basis  TEXT NOT NULL
        ) STRICT;
        CREATE TABLE IF NOT EXISTS paper_orders (
            order_id         TEXT    NOT NULL PRIMARY KEY,
            number           INTEGER NOT NULL UNIQUE,
            client_order_id  TEXT    NOT NULL UNIQUE,
            symbol           TEXT    NOT NULL,
            side             TEXT    NOT NULL,
            type             TEXT    NOT NULL,
            quantity         TEXT    NOT NULL,
            limit_price      TEXT,
            reserve_price    TEXT,
            status           TEXT    NOT NULL,
            filled_quantity  TEXT    NOT NULL,
            filled_notional  TEXT    NOT NULL,
            submitted_at     INTEGER NOT NULL,
            updated_at       INTEGER NOT NULL,
            filled_at        INTEGER,
            expires_at       INTEGER NOT NULL,
            replaced_by      TEXT,
            reason           TEXT
        ) STRICT;
        CREATE INDEX IF NOT EXISTS paper_orders_by_status ON paper_orders (status);
        CREATE TABLE IF NOT EXISTS paper_executions (
            execution_id  INTEGER NOT NULL PRIMARY KEY,
            order_id      TEXT    NOT NULL,
            symbol        TEXT    NOT NULL,
            side          TEXT    NOT NULL,
            quantity      TEXT    NOT NULL,
            price         TEXT    NOT NULL,
            executed_at   INTEGER NOT NULL
        ) STRICT;
        CREATE INDEX IF NOT EXISTS paper_executions_by_order ON paper_executions (order_id);
        """;
}
