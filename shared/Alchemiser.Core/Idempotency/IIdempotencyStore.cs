namespace Alchemiser.Core.Idempotency;

/// <summary>
/// Port: idempotency records (in-memory for tests, SQLite locally, DynamoDB in AWS). A handler that must give the same
/// answer to every delivery of an event stores its first answer under a key derived from the event and, on a later
/// delivery, returns what is stored instead of computing a new one. Records expire after their time to live.
/// </summary>
public interface IIdempotencyStore
{
    /// <summary>The value stored under <paramref name="key"/> and not yet expired; null when there is none.</summary>
    Task<string?> GetAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores <paramref name="value"/> under <paramref name="key"/> unless an unexpired value is stored there, and returns
    /// the value that is stored afterwards: <paramref name="value"/> when this call won, the earlier one when it did not.
    /// </summary>
    Task<string> PutIfAbsentAsync(string key, string value, DateTimeOffset expiresAt, CancellationToken cancellationToken = default);
}
