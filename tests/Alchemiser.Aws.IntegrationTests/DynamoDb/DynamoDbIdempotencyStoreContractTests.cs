using Alchemiser.Aws.DynamoDb;
using Alchemiser.Aws.IntegrationTests.Support;
using Alchemiser.Core.Idempotency;
using Alchemiser.Local.Tests.Idempotency;

namespace Alchemiser.Aws.IntegrationTests.DynamoDb;

/// <summary>The idempotency-store contract on DynamoDB (moto), one fresh table per test.</summary>
[Collection(MotoCollection.Name)]
[Trait("Category", "Integration")]
public sealed class DynamoDbIdempotencyStoreContractTests(MotoServer moto) : IdempotencyStoreContract, IAsyncLifetime, IDisposable
{
    private readonly Amazon.DynamoDBv2.AmazonDynamoDBClient _client = MotoDynamoDb.Client(moto);
    private readonly string _table = MotoDynamoDb.UniqueTableName("idempotency");

    public void Dispose() => _client.Dispose();

    protected override IIdempotencyStore CreateStore() => new DynamoDbIdempotencyStore(_client, _table, Clock);

    public Task InitializeAsync() => new DynamoDbIdempotencyStore(_client, _table, Clock).EnsureTableAsync();

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_record_carries_its_expiry_in_epoch_seconds_for_the_tables_ttl()
    {
        var store = CreateStore();
        var expiresAt = Clock.UtcNow.AddDays(1);
        await store.PutIfAbsentAsync("k", "v", expiresAt);

        var item = (await _client.GetItemAsync(_table, new() { [DynamoDbIdempotencyStore.KeyAttribute] = new() { S = "k" } })).Item;
        var ttl = (await _client.DescribeTimeToLiveAsync(_table)).TimeToLiveDescription;

        Assert.Equal(expiresAt.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), item[DynamoDbIdempotencyStore.TimeToLiveAttribute].N);
        Assert.Equal(DynamoDbIdempotencyStore.TimeToLiveAttribute, ttl.AttributeName);
    }
}
