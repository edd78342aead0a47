using Alchemiser.Aws.IntegrationTests.Support;
using Alchemiser.Aws.S3;
using Alchemiser.Core.Reports;
using Alchemiser.Local.Tests.Reports;
using Amazon.S3;

namespace Alchemiser.Aws.IntegrationTests.S3;

/// <summary>The report-store contract on S3 (moto) at the bucket's root, one fresh bucket per test.</summary>
[Collection(MotoCollection.Name)]
[Trait("Category", "Integration")]
public sealed class S3ReportStoreContractTests(MotoServer moto) : ReportStoreContract, IAsyncLifetime, IDisposable
{
    private readonly AmazonS3Client _client = MotoS3.Client(moto, connections: 1); // the contract races puts of one key: see MotoS3.Client
    private readonly string _bucket = MotoS3.UniqueBucketName("reports");

    public void Dispose() => _client.Dispose();

    protected override IReportStore CreateStore() => new S3ReportStore(_client, _bucket);

    public Task InitializeAsync() => new S3ReportStore(_client, _bucket).EnsureBucketAsync();

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}

/// <summary>
/// The report-store contract on S3 below a key prefix, in a bucket that also holds objects outside the prefix (one in
/// a sibling folder whose name starts with the prefix's): the store sees only its own folder, keys without the prefix.
/// </summary>
[Collection(MotoCollection.Name)]
[Trait("Category", "Integration")]
public sealed class S3PrefixedReportStoreContractTests(MotoServer moto) : ReportStoreContract, IAsyncLifetime, IDisposable
{
    private readonly AmazonS3Client _client = MotoS3.Client(moto, connections: 1); // the contract races puts of one key: see MotoS3.Client
    private readonly string _bucket = MotoS3.UniqueBucketName("reports");

    public void Dispose() => _client.Dispose();

    protected override IReportStore CreateStore() => new S3ReportStore(_client, _bucket, "runs/reports");

    public async Task InitializeAsync()
    {
        var root = new S3ReportStore(_client, _bucket);
        await root.EnsureBucketAsync();
        await root.PutTextAsync("runs/reports-old/2025-06-30/report.html", "sibling");
        await root.PutTextAsync("runs/other.txt", "outside");
        await root.PutTextAsync("2025-06-30/report.html", "root");
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}
