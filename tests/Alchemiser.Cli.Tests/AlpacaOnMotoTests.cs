using System.Globalization;
using Alchemiser.Aws.Http;
using Alchemiser.Aws.SecretsManager;
using Alchemiser.Aws.IntegrationTests.Support;
using Alchemiser.Aws.Signing;
using Alchemiser.Core.MarketData;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace Alchemiser.Cli.Tests;

/// <summary>
/// The AWS side of the alpaca-path commands against moto on 127.0.0.1: the Alpaca keys read from a Secrets Manager
/// secret, <c>data fetch</c> into the S3 datalake (resuming like a folder), and <c>doctor --aws</c>.
/// </summary>
[Trait("Category", "Integration")]
public sealed class AlpacaOnMotoTests : IClassFixture<MotoServer>, IAsyncLifetime
{
    private static readonly DateOnly End = new(2025, 6, 27);

    private readonly MotoServer _moto;
    private readonly string _bucket = "cli-lake-" + Guid.NewGuid().ToString("N")[..8];
    private readonly string _secretName = "alchemiser/alpaca-" + Guid.NewGuid().ToString("N")[..8];
    private AlpacaServer _server = null!;
    private AmazonS3Client _s3 = null!;

    public AlpacaOnMotoTests(MotoServer moto) => _moto = moto;

    public async Task InitializeAsync()
    {
        _server = await AlpacaServer.StartAsync(["SPY", "QQQ"]);
        _s3 = new AmazonS3Client(new BasicAWSCredentials("testing", "testing"), new AmazonS3Config
        {
            ServiceURL = _moto.Endpoint.ToString(), ForcePathStyle = true, AuthenticationRegion = "us-east-1", MaxErrorRetry = 0,
        });
        await _s3.PutBucketAsync(_bucket);
        var secrets = new SecretsManagerClient(new AwsHttpClient(
            new HttpClient(), new StaticCredentialSource(new AwsCredentials("testing", "testing")), new AwsClientOptions { EndpointOverride = _moto.Endpoint }));
        await secrets.CreateSecretAsync(_secretName, $$"""{"api_key":"{{AlpacaServer.KeyId}}","secret_key":"{{AlpacaServer.Secret}}"}""");
    }

    public async Task DisposeAsync()
    {
        foreach (var run in _server.Runs)
        {
            Secrets.AssertAbsent(run.All, AlpacaServer.KeyId, AlpacaServer.Secret, "testing-secret-access");
        }

        _s3.Dispose();
        await _server.DisposeAsync();
    }

    /// <summary>The server's URLs, moto for AWS, and no Alpaca key variable: the keys come from the secret.</summary>
    private Dictionary<string, string> Environment()
    {
        var environment = _server.Environment(keyId: null, secret: null);
        environment["AWS_ENDPOINT_URL"] = _moto.Endpoint.ToString();
        environment["AWS_REGION"] = "us-east-1";
        environment["AWS_ACCESS_KEY_ID"] = "testing";
        environment["AWS_SECRET_ACCESS_KEY"] = "testing-secret-access";
        environment["ALCHEMISER_ALPACA_SECRET_ARN"] = _secretName;
        return environment;
    }

    private async Task<IReadOnlyList<DailyBar>> ObjectAsync(string key)
    {
        using var response = await _s3.GetObjectAsync(_bucket, key);
        using var buffer = new MemoryStream();
        await response.ResponseStream.CopyToAsync(buffer);
        return CsvBarParser.Parse(buffer.ToArray(), key);
    }

    [Fact]
    public async Task Fetch_fills_the_s3_datalake_with_keys_from_the_secret_and_a_second_run_asks_for_nothing()
    {
        string[] fetch = ["data", "fetch", "--symbols", "SPY,QQQ", "--years", "2", "--end", "2025-06-27", "--to", $"s3://{_bucket}/lake"];

        var first = _server.Run(Environment(), fetch);

        Assert.True(first.ExitCode == 0, first.All);
        Assert.Contains($"2 written, 0 appended, 0 up to date · 2023-06-28 … 2025-06-27", first.Stdout, StringComparison.Ordinal);
        Assert.Contains($"→ s3://{_bucket}/lake", first.Stdout, StringComparison.Ordinal);
        foreach (var symbol in new[] { "SPY", "QQQ" })
        {
            Assert.Equal(_server.BarsOf(symbol, new DateOnly(2023, 6, 28), End), await ObjectAsync($"lake/bars/daily/{symbol}.csv"));
        }

        var requests = _server.BarRequests.Count;
        var second = _server.Run(Environment(), fetch);

        Assert.True(second.ExitCode == 0, second.All);
        Assert.Equal(requests, _server.BarRequests.Count);
        Assert.Contains("2 up to date", second.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fetch_to_s3_resumes_a_short_object_from_its_last_date()
    {
        string[] fetch = ["data", "fetch", "--symbols", "SPY", "--years", "1", "--end", "2025-06-27", "--to", $"s3://{_bucket}"];
        Assert.Equal(0, _server.Run(Environment(), fetch).ExitCode);
        var full = await ObjectAsync("bars/daily/SPY.csv");
        var cut = full.Take(100).ToList();
        await _s3.PutObjectAsync(new PutObjectRequest { BucketName = _bucket, Key = "bars/daily/SPY.csv", ContentBody = CsvBarWriter.ToCsv(cut) });
        var before = _server.BarRequests.Count;

        var resumed = _server.Run(Environment(), fetch);

        Assert.True(resumed.ExitCode == 0, resumed.All);
        var asked = Assert.Single(_server.BarRequests.Skip(before));
        Assert.Contains("start=" + cut[^1].Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T", Uri.UnescapeDataString(asked.Query), StringComparison.Ordinal);
        Assert.Equal(full, await ObjectAsync("bars/daily/SPY.csv"));
    }

    [Fact]
    public void Fetch_to_a_bucket_that_does_not_exist_is_one_clear_error()
    {
        var run = _server.Run(Environment(), "data", "fetch", "--symbols", "SPY", "--years", "1", "--end", "2025-06-27", "--to", "s3://no-such-bucket-cli");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error: S3 bucket no-such-bucket-cli does not exist", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.All, StringComparison.Ordinal);
    }

    [Fact]
    public void Doctor_with_aws_checks_the_secret_the_datalake_and_the_aws_settings()
    {
        var run = _server.Run(
            Environment(), "doctor", "--aws", "--strategies", Path.Combine(CliHarness.RepositoryRoot, "strategies"), "--datalake", $"s3://{_bucket}/lake");

        Assert.True(run.ExitCode == 0, run.All);
        Assert.Contains($"✓ Alpaca keys     from secret {_secretName} (key id …4W2Q)", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("✓ Alpaca account  keys accepted", run.Stdout, StringComparison.Ordinal);
        Assert.Contains($"✓ S3 datalake     s3://{_bucket}/lake/bars/daily/: reachable", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("✓ AWS region      us-east-1 (AWS_REGION)", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("✓ AWS endpoint", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("✓ AWS credentials from AWS_ACCESS_KEY_ID", run.Stdout, StringComparison.Ordinal);
        Assert.Contains($"· Alpaca secret   {_secretName}: checked with the Alpaca keys above", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void The_alpaca_secret_option_wins_over_the_environment()
    {
        var environment = Environment();
        environment["ALCHEMISER_ALPACA_SECRET_ARN"] = "alchemiser/none";

        var run = _server.Run(environment, "status", "--broker", "alpaca", "--alpaca-secret", _secretName);

        Assert.True(run.ExitCode == 0, run.All);
        Assert.Contains("Alpaca paper account", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_secret_that_does_not_exist_is_a_clear_error_naming_it()
    {
        var environment = Environment();
        environment["ALCHEMISER_ALPACA_SECRET_ARN"] = "alchemiser/none";

        var run = _server.Run(environment, "status", "--broker", "alpaca");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error: the Alpaca keys could not be read from secret alchemiser/none", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(_server.Server.Journal.Entries);
    }
}
