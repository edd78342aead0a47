namespace Alchemiser.Local.Idempotency;

/// <summary>The SQLite layout of the idempotency records: one row per key; expiry in UTC ticks.</summary>
internal static class SqliteIdempotencySchema
{
    public const string Tables = """
        CREATE TABLE IF NOT EXISTS idempotency_records (
            record_key  TEXT    NOT NULL PRIMARY KEY,
            value       TEXT    NOT NULL,
            expires_at  INTEGER NOT NULL
        ) STRICT;
        """;
}
