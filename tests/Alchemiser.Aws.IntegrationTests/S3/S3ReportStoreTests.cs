using System.Text;
using Alchemiser.Aws.IntegrationTests.Support;
using Alchemiser.Aws.S3;
using Amazon.S3;

namespace Alchemiser.Aws.IntegrationTests.S3;

/// <summary>What S3ReportStore adds to the contract: object layout, content types, encoding, paged listing.</summary>
[Collection(MotoCollection.Name)]
[Trait("Category", "Integration")]
public sealed class S3ReportStoreTests(MotoServer moto) : IAsyncLifetime, IDisposable
{
    private readonly AmazonS3Client _client = MotoS3.Client(moto);
    private readonly string _bucket = MotoS3.UniqueBucketName("reports");

    public void Dispose() => _client.Dispose();

    public Task InitializeAsync() => new S3ReportStore(_client, _bucket).EnsureBucketAsync();

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("2025-06-30/report.html", "text/html")]
    [InlineData("2025-06-30/orders.csv", "text/csv")]
    [InlineData("2025-06-30/events/e1.json", "application/json")]
    [InlineData("2025-06-30/email.txt", "text/plain")]
    [InlineData("2025-06-30/events/sent/e9", "text/plain")]
    public async Task A_report_is_an_object_below_the_prefix_with_a_content_type_by_extension(string key, string contentType)
    {
        await new S3ReportStore(_client, _bucket, "reports/").PutTextAsync(key, "x");

        var head = await _client.GetObjectMetadataAsync(_bucket, "reports/" + key);

        Assert.StartsWith(contentType, head.Headers.ContentType, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Text_is_stored_as_utf8_without_a_byte_order_mark()
    {
        await new S3ReportStore(_client, _bucket).PutTextAsync("2025-06-30/email.txt", "é☃");

        using var response = await _client.GetObjectAsync(_bucket, "2025-06-30/email.txt");
        using var bytes = new MemoryStream();
        await response.ResponseStream.CopyToAsync(bytes);

        Assert.Equal(Encoding.UTF8.GetBytes("é☃"), bytes.ToArray());
    }

    [Fact]
    public async Task A_text_that_starts_with_a_byte_order_mark_character_keeps_it()
    {
        var store = new S3ReportStore(_client, _bucket);
        await store.PutTextAsync("2025-06-30/email.txt", "\uFEFFbody");

        Assert.Equal("\uFEFFbody", await store.GetTextAsync("2025-06-30/email.txt"));
    }

    [Fact]
    public async Task Listing_follows_continuation_tokens_across_pages()
    {
        var store = new S3ReportStore(_client, _bucket, "reports", listPageSize: 4);
        var keys = Enumerable.Range(0, 23).Select(i => $"2025-06-30/events/e{i}.json").ToArray();
        foreach (var key in keys)
        {
            await store.PutTextAsync(key, key);
        }

        await store.PutTextAsync("2025-07-01/report.html", "later");

        Assert.Equal(keys.Order(StringComparer.Ordinal), await store.ListKeysAsync("2025-06-30/"));
        Assert.Equal(24, (await store.ListKeysAsync(string.Empty)).Count);
    }

    [Fact]
    public async Task A_missing_bucket_is_an_error_not_a_missing_report()
    {
        var store = new S3ReportStore(_client, MotoS3.UniqueBucketName("absent"));

        await Assert.ThrowsAsync<AmazonS3Exception>(() => store.GetTextAsync("2025-06-30/report.html"));
    }

    [Theory]
    [InlineData("/reports")]
    [InlineData("reports//x")]
    [InlineData("../reports")]
    public void An_invalid_key_prefix_is_refused(string prefix)
    {
        Assert.Throws<ArgumentException>(() => new S3ReportStore(_client, _bucket, prefix));
    }
}
