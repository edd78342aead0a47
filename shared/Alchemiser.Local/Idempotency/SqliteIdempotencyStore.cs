using Alchemiser.Core.Idempotency;
using Alchemiser.Core.Time;
using Alchemiser.Local.Storage;

namespace Alchemiser.Local.Idempotency;

/// <summary>
/// The embedded idempotency records, on a SQLite file it may share with the other local stores. The first writer of a
/// key wins by one <c>INSERT … ON CONFLICT DO UPDATE … WHERE expired</c>, so racing callers all get the same value.
/// </summary>
public sealed class SqliteIdempotencyStore(string databasePath, IClock clock) : IIdempotencyStore
{
    private readonly SqliteFile _file = new(databasePath, SqliteIdempotencySchema.Tables);

    /// <inheritdoc />
    public async Task<string?> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        IdempotencyKeys.Validate(key);
        await using var connection = await _file.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT value FROM idempotency_records WHERE record_key = $key AND expires_at > $now";
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$now", clock.UtcNow.UtcTicks);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    /// <inheritdoc />
    public async Task<string> PutIfAbsentAsync(string key, string value, DateTimeOffset expiresAt, CancellationToken cancellationToken = default)
    {
        IdempotencyKeys.Validate(key);
        ArgumentNullException.ThrowIfNull(value);
        await using var connection = await _file.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO idempotency_records (record_key, value, expires_at) VALUES ($key, $value, $expires_at)
            ON CONFLICT (record_key) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at
                WHERE idempotency_records.expires_at <= $now;
            SELECT value FROM idempotency_records WHERE record_key = $key;
            """;
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$value", value);
        command.Parameters.AddWithValue("$expires_at", expiresAt.UtcTicks);
        command.Parameters.AddWithValue("$now", clock.UtcNow.UtcTicks);
        return (string)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
