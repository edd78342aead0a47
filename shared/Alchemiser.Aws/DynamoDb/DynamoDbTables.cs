using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace Alchemiser.Aws.DynamoDb;

/// <summary>
/// Creates a table from its definition unless it exists, waits until it is active and turns its TTL on. The stores use
/// it through their <c>EnsureTableAsync</c>, for tests and for a deploy check; the deployed tables come from template.yaml.
/// </summary>
internal static class DynamoDbTables
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);
    private const int MaxPolls = 300;

    public static async Task EnsureAsync(IAmazonDynamoDB client, CreateTableRequest definition, string? timeToLiveAttribute, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        try
        {
            await client.CreateTableAsync(definition, cancellationToken);
        }
        catch (ResourceInUseException)
        {
            // it exists already
        }

        for (var poll = 0; ; poll++)
        {
            var table = (await client.DescribeTableAsync(definition.TableName, cancellationToken)).Table;
            if (table.TableStatus == TableStatus.ACTIVE)
            {
                break;
            }

            if (poll == MaxPolls)
            {
                throw new InvalidOperationException($"DynamoDB table '{definition.TableName}' is {table.TableStatus}, not ACTIVE, after {MaxPolls} checks");
            }

            await Task.Delay(PollInterval, cancellationToken);
        }

        if (timeToLiveAttribute is not null)
        {
            var ttl = await client.DescribeTimeToLiveAsync(new DescribeTimeToLiveRequest { TableName = definition.TableName }, cancellationToken);
            if (ttl.TimeToLiveDescription?.TimeToLiveStatus != TimeToLiveStatus.ENABLED)
            {
                await client.UpdateTimeToLiveAsync(new UpdateTimeToLiveRequest
                {
                    TableName = definition.TableName,
                    TimeToLiveSpecification = new TimeToLiveSpecification { AttributeName = timeToLiveAttribute, Enabled = true },
                }, cancellationToken);
            }
        }
    }

    /// <summary>A string attribute definition.</summary>
    public static AttributeDefinition StringAttribute(string name) => new() { AttributeName = name, AttributeType = ScalarAttributeType.S };

    /// <summary>A key schema of a partition key and, when given, a sort key.</summary>
    public static List<KeySchemaElement> Key(string partitionKey, string? sortKey = null)
    {
        var key = new List<KeySchemaElement> { new() { AttributeName = partitionKey, KeyType = KeyType.HASH } };
        if (sortKey is not null)
        {
            key.Add(new KeySchemaElement { AttributeName = sortKey, KeyType = KeyType.RANGE });
        }

        return key;
    }

    /// <summary>A global secondary index projecting every attribute.</summary>
    public static GlobalSecondaryIndex Index(string name, string partitionKey, string? sortKey = null) => new()
    {
        IndexName = name,
        KeySchema = Key(partitionKey, sortKey),
        Projection = new Projection { ProjectionType = ProjectionType.ALL },
    };
}
