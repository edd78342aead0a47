using Alchemiser.Aws.DynamoDb;
using Alchemiser.Aws.IntegrationTests.Support;
using Alchemiser.Core.Trading;
using Alchemiser.Local.Tests.Ledger;
using Amazon.DynamoDBv2;

namespace Alchemiser.Aws.IntegrationTests.DynamoDb;

/// <summary>The trade-ledger contract on DynamoDB (moto), one fresh table per test.</summary>
[Collection(MotoCollection.Name)]
[Trait("Category", "Integration")]
public sealed class DynamoDbTradeLedgerContractTests(MotoServer moto) : TradeLedgerContract, IAsyncLifetime, IDisposable
{
    private readonly AmazonDynamoDBClient _client = MotoDynamoDb.Client(moto);
    private readonly string _table = MotoDynamoDb.UniqueTableName("ledger");

    public void Dispose() => _client.Dispose();

    // Called from racing tasks when a test's first use of the ledger is concurrent: the table exists before any call.
    protected override ITradeLedger CreateLedger() => new DynamoDbTradeLedger(_client, _table);

    public Task InitializeAsync() => new DynamoDbTradeLedger(_client, _table).EnsureTableAsync();

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Queries_page_through_more_fills_than_one_dynamodb_page_holds()
    {
        // ~2 KB per fill: 700 fills are more than DynamoDB's 1 MB query page.
        var note = new string('n', 2_000);
        var fills = Enumerable.Range(0, 700)
            .Select(i => LedgerSamples.Fill($"f-{i:D4}", filledAt: LedgerSamples.Close.AddSeconds(i)) with { ClientOrderId = $"{note}-{i}" })
            .ToArray();
        await Task.WhenAll(fills.Chunk(50).Select(async chunk =>
        {
            foreach (var fill in chunk)
            {
                await Ledger.RecordAsync(fill);
            }
        }));

        Assert.Equal(fills.Select(f => f.FillId), (await Ledger.ByCorrelationAsync("corr-1")).Select(f => f.FillId));
        Assert.Equal(700, (await Ledger.BySymbolAsync("SPY")).Count);
        Assert.Equal(700, (await Ledger.ByTradingDateRangeAsync(LedgerSamples.Date, LedgerSamples.Date)).Count);
    }
}
