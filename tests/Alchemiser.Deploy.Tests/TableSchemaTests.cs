using Alchemiser.Aws.DynamoDb;
using Amazon.DynamoDBv2.Model;
using YamlDotNet.RepresentationModel;

namespace Alchemiser.Deploy.Tests;

/// <summary>
/// The DynamoDB tables of template.yaml have exactly the keys, attributes, indexes and TTL that the stores in
/// Alchemiser.Aws read and write — the stores' own table definitions are the reference, so the two cannot drift.
/// </summary>
public sealed class TableSchemaTests
{
    private static SamTemplate Template => SamTemplate.Repository;

    public static TheoryData<string> Tables => new() { "AggregationSessionsTable", "TradeLedgerTable", "IdempotencyTable" };

    private static (CreateTableRequest Definition, string? TimeToLive) StoreOf(string table) => table switch
    {
        "AggregationSessionsTable" => (DynamoDbAggregationSessionStore.TableDefinition(table), DynamoDbAggregationSessionStore.TimeToLiveAttribute),
        "TradeLedgerTable" => (DynamoDbTradeLedger.TableDefinition(table), null),
        "IdempotencyTable" => (DynamoDbIdempotencyStore.TableDefinition(table), DynamoDbIdempotencyStore.TimeToLiveAttribute),
        _ => throw new ArgumentOutOfRangeException(nameof(table), table, "no store for this table"),
    };

    [Theory]
    [MemberData(nameof(Tables))]
    public void A_tables_attributes_and_key_are_the_stores(string table)
    {
        var (store, _) = StoreOf(table);
        var properties = Template.Properties(table);

        Assert.Equal(
            store.AttributeDefinitions.Select(a => $"{a.AttributeName}:{a.AttributeType.Value}").Order(StringComparer.Ordinal),
            properties.Get("AttributeDefinitions").AsList().OfType<YamlMappingNode>().Select(a => $"{a.Scalar("AttributeName")}:{a.Scalar("AttributeType")}").Order(StringComparer.Ordinal));
        Assert.Equal(Keys(store.KeySchema), Keys(properties.Get("KeySchema")));
        Assert.Equal("PAY_PER_REQUEST", properties.Scalar("BillingMode"));
    }

    [Theory]
    [MemberData(nameof(Tables))]
    public void A_tables_indexes_are_the_stores_with_every_attribute_projected(string table)
    {
        var (store, _) = StoreOf(table);
        var indexes = Template.Properties(table).Get("GlobalSecondaryIndexes").AsList().OfType<YamlMappingNode>().ToList();

        Assert.Equal(
            (store.GlobalSecondaryIndexes ?? []).Select(i => $"{i.IndexName}({Keys(i.KeySchema)})").Order(StringComparer.Ordinal),
            indexes.Select(i => $"{i.Scalar("IndexName")}({Keys(i.Get("KeySchema"))})").Order(StringComparer.Ordinal));
        Assert.All(indexes, i => Assert.Equal("ALL", ((YamlMappingNode)i.Get("Projection")!).Scalar("ProjectionType")));
    }

    [Theory]
    [MemberData(nameof(Tables))]
    public void A_table_expires_items_on_the_stores_ttl_attribute_or_keeps_them(string table)
    {
        var (_, timeToLive) = StoreOf(table);
        var ttl = Template.Properties(table).Get("TimeToLiveSpecification") as YamlMappingNode;

        Assert.Equal(timeToLive, ttl?.Scalar("AttributeName"));
        if (ttl is not null)
        {
            Assert.Equal("true", ttl.Scalar("Enabled"));
        }
    }

    private static string Keys(IEnumerable<KeySchemaElement> keys) => string.Join(",", keys.Select(k => $"{k.AttributeName}:{k.KeyType.Value}"));

    private static string Keys(YamlNode? keys) =>
        string.Join(",", keys.AsList().OfType<YamlMappingNode>().Select(k => $"{k.Scalar("AttributeName")}:{k.Scalar("KeyType")}"));
}
