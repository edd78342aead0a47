using Alchemiser.Aws.DynamoDb;
using Alchemiser.Aws.IntegrationTests.Support;
using Alchemiser.Core.Sessions;
using Alchemiser.Local.Tests.Sessions;
using Amazon.DynamoDBv2;
using static Alchemiser.Local.Tests.Sessions.SessionSamples;

namespace Alchemiser.Aws.IntegrationTests.DynamoDb;

/// <summary>The aggregation-session contract on DynamoDB (moto), one fresh table per test, and the fan-in race.</summary>
[Collection(MotoCollection.Name)]
[Trait("Category", "Integration")]
public sealed class DynamoDbAggregationSessionStoreContractTests(MotoServer moto) : AggregationSessionStoreContract, IAsyncLifetime, IDisposable
{
    private readonly AmazonDynamoDBClient _client = MotoDynamoDb.Client(moto, connections: 1);
    private readonly string _table = MotoDynamoDb.UniqueTableName("sessions");

    public void Dispose() => _client.Dispose();

    public Task InitializeAsync() => new DynamoDbAggregationSessionStore(_client, _table).EnsureTableAsync();

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;

    protected override IAggregationSessionStore CreateStore() => new DynamoDbAggregationSessionStore(_client, _table);

    [Fact]
    public async Task Twenty_concurrent_writers_of_the_last_results_make_exactly_one_completion_claim()
    {
        const int Writers = 20;
        await Store.TryCreateAsync(NewSession("run-1", strategies: Writers));

        // Each writer is an aggregator handling one partial: it records, and claims when its record completed the session.
        var claimed = await Concurrently.Run(Writers, async i =>
        {
            var outcome = await Store.RecordResultAsync("run-1", Success(StrategyId(i + 1), $"ev-{i}"));
            return outcome.Recorded && outcome.Session.IsComplete && await Store.TryClaimAsync("run-1", $"aggregator-{i}", Start.AddMinutes(1), Lease);
        });

        var winner = Assert.Single(Enumerable.Range(0, Writers), i => claimed[i]);
        var session = (await Store.GetAsync("run-1"))!;
        Assert.Equal(Writers, session.ReceivedCount);
        Assert.Equal(SessionStatus.Completing, session.Status);
        Assert.Equal($"aggregator-{winner}", session.ClaimedBy);
    }

    [Fact]
    public async Task The_session_carries_its_expiry_in_epoch_seconds_for_the_tables_ttl()
    {
        var session = NewSession("run-1");
        await Store.TryCreateAsync(session);

        var item = (await _client.GetItemAsync(_table, new() { ["session_id"] = new() { S = "run-1" } })).Item;
        var ttl = (await _client.DescribeTimeToLiveAsync(_table)).TimeToLiveDescription;

        Assert.Equal(session.ExpiresAt.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), item[DynamoDbAggregationSessionStore.TimeToLiveAttribute].N);
        Assert.Equal(DynamoDbAggregationSessionStore.TimeToLiveAttribute, ttl.AttributeName);
    }
}
