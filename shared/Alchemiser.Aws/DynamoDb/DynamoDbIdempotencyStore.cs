using Alchemiser.Core.Idempotency;
using Alchemiser.Core.Time;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace Alchemiser.Aws.DynamoDb;

/// <summary>
/// Idempotency records in a DynamoDB table keyed by <c>record_key</c>. The first writer wins by one conditional put
/// (<c>attribute_not_exists(record_key) OR expires_at_ticks &lt;= now</c>), so racing callers all get the same value.
/// Expiry is judged exactly by the injected clock on <c>expires_at_ticks</c> (UTC ticks); <c>expires_at</c> (epoch
/// seconds) is the table's TTL attribute, which lets DynamoDB delete old records some time after they expire.
/// </summary>
public sealed class DynamoDbIdempotencyStore(IAmazonDynamoDB client, string tableName, IClock clock) : IIdempotencyStore
{
    /// <summary>The partition key (string).</summary>
    public const string KeyAttribute = "record_key";

    /// <summary>The TTL attribute (epoch seconds).</summary>
    public const string TimeToLiveAttribute = "expires_at";

    private const string ValueAttribute = "value";
    private const string ExpiresTicksAttribute = "expires_at_ticks";

    /// <summary>The table's definition: partition key <c>record_key</c> (S), on-demand billing.</summary>
    public static CreateTableRequest TableDefinition(string tableName) => new()
    {
        TableName = tableName,
        KeySchema = DynamoDbTables.Key(KeyAttribute),
        AttributeDefinitions = [DynamoDbTables.StringAttribute(KeyAttribute)],
        BillingMode = BillingMode.PAY_PER_REQUEST,
    };

    /// <summary>Creates the table (with its TTL) unless it exists.</summary>
    public Task EnsureTableAsync(CancellationToken cancellationToken = default) =>
        DynamoDbTables.EnsureAsync(client, TableDefinition(tableName), TimeToLiveAttribute, cancellationToken);

    /// <inheritdoc />
    public async Task<string?> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        IdempotencyKeys.Validate(key);
        var item = await ReadAsync(key, cancellationToken);
        return item is not null && DynamoDbValues.ReadTicks(item, ExpiresTicksAttribute) > clock.UtcNow
            ? DynamoDbValues.ReadText(item, ValueAttribute)
            : null;
    }

    /// <inheritdoc />
    public async Task<string> PutIfAbsentAsync(string key, string value, DateTimeOffset expiresAt, CancellationToken cancellationToken = default)
    {
        IdempotencyKeys.Validate(key);
        ArgumentNullException.ThrowIfNull(value);
        while (true)
        {
            var now = clock.UtcNow;
            try
            {
                await client.PutItemAsync(new PutItemRequest
                {
                    TableName = tableName,
                    Item = new Dictionary<string, AttributeValue>(StringComparer.Ordinal)
                    {
                        [KeyAttribute] = DynamoDbValues.Text(key),
                        [ValueAttribute] = DynamoDbValues.Text(value),
                        [ExpiresTicksAttribute] = DynamoDbValues.Ticks(expiresAt),
                        [TimeToLiveAttribute] = DynamoDbValues.EpochSeconds(expiresAt),
                    },
                    ConditionExpression = "attribute_not_exists(#key) OR #expires <= :now",
                    ExpressionAttributeNames = new Dictionary<string, string>(StringComparer.Ordinal)
                    {
                        ["#key"] = KeyAttribute,
                        ["#expires"] = ExpiresTicksAttribute,
                    },
                    ExpressionAttributeValues = new Dictionary<string, AttributeValue>(StringComparer.Ordinal) { [":now"] = DynamoDbValues.Ticks(now) },
                }, cancellationToken);
                return value;
            }
            catch (ConditionalCheckFailedException)
            {
                // An unexpired record is there: its value is the answer. Should it expire before it is read, try again.
                var existing = await ReadAsync(key, cancellationToken);
                if (existing is not null && DynamoDbValues.ReadTicks(existing, ExpiresTicksAttribute) > now)
                {
                    return DynamoDbValues.ReadText(existing, ValueAttribute);
                }
            }
        }
    }

    private async Task<Dictionary<string, AttributeValue>?> ReadAsync(string key, CancellationToken cancellationToken)
    {
        var response = await client.GetItemAsync(new GetItemRequest
        {
            TableName = tableName,
            Key = new Dictionary<string, AttributeValue>(StringComparer.Ordinal) { [KeyAttribute] = DynamoDbValues.Text(key) },
            ConsistentRead = true,
        }, cancellationToken);
        return response.Item is { Count: > 0 } item ? item : null;
    }
}
