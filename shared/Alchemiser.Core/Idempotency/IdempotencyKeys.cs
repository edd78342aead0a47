namespace Alchemiser.Core.Idempotency;

/// <summary>What every idempotency store checks before it touches storage, so all reject the same input the same way.</summary>
public static class IdempotencyKeys
{
    /// <summary>Longest key (DynamoDB allows 2,048 bytes for a partition key; this leaves room).</summary>
    public const int MaxLength = 1024;

    /// <summary>Throws <see cref="ArgumentException"/> for a blank or over-long key.</summary>
    public static void Validate(string key)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        if (key.Length > MaxLength)
        {
            throw new ArgumentException($"an idempotency key is at most {MaxLength} characters; this one has {key.Length}", nameof(key));
        }
    }
}
