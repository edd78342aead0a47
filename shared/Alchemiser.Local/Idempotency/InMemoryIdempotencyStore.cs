using Alchemiser.Core.Idempotency;
using Alchemiser.Core.Time;

namespace Alchemiser.Local.Idempotency;

/// <summary>Idempotency records in a dictionary, for tests; expiry is judged by the injected clock.</summary>
public sealed class InMemoryIdempotencyStore(IClock clock) : IIdempotencyStore
{
    private readonly Dictionary<string, (string Value, DateTimeOffset ExpiresAt)> _records = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <inheritdoc />
    public Task<string?> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        IdempotencyKeys.Validate(key);
        lock (_gate)
        {
            return Task.FromResult(_records.TryGetValue(key, out var record) && record.ExpiresAt > clock.UtcNow ? record.Value : null);
        }
    }

    /// <inheritdoc />
    public Task<string> PutIfAbsentAsync(string key, string value, DateTimeOffset expiresAt, CancellationToken cancellationToken = default)
    {
        IdempotencyKeys.Validate(key);
        ArgumentNullException.ThrowIfNull(value);
        lock (_gate)
        {
            if (_records.TryGetValue(key, out var record) && record.ExpiresAt > clock.UtcNow)
            {
                return Task.FromResult(record.Value);
            }

            _records[key] = (value, expiresAt);
            return Task.FromResult(value);
        }
    }
}
