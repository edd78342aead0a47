using Alchemiser.Aws.IntegrationTests.Support;
using Alchemiser.Aws.S3;
using Alchemiser.Core.MarketData;
using Alchemiser.Local.Tests.MarketData;
using Amazon.S3;

namespace Alchemiser.Aws.IntegrationTests.S3;

/// <summary>The bar-store contract on S3 (moto), below a key prefix, one fresh bucket per test, a fresh store per series.</summary>
[Collection(MotoCollection.Name)]
[Trait("Category", "Integration")]
public sealed class S3BarStoreContractTests(MotoServer moto) : BarStoreContract, IAsyncLifetime, IDisposable
{
    private readonly AmazonS3Client _client = MotoS3.Client(moto);
    private readonly string _bucket = MotoS3.UniqueBucketName("bars");

    public void Dispose() => _client.Dispose();

    protected override IBarStore CreateStore(IReadOnlyDictionary<string, DailyBar[]> series)
    {
        var writer = new S3BarStore(_client, _bucket, "datalake");
        foreach (var (symbol, bars) in series)
        {
            writer.PutBarsAsync(symbol, bars).GetAwaiter().GetResult();
        }

        return new S3BarStore(_client, _bucket, "datalake");
    }

    public Task InitializeAsync() => new S3BarStore(_client, _bucket).EnsureBucketAsync();

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}
