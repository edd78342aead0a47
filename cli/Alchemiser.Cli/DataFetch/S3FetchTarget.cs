using System.Text;
using Alchemiser.Aws.S3;
using Alchemiser.Core.Errors;
using Alchemiser.Core.MarketData;
using Amazon.S3;
using Amazon.S3.Model;

namespace Alchemiser.Cli.DataFetch;

/// <summary>
/// The S3 datalake through <see cref="S3BarStore"/>: <c>{prefix}/bars/daily/&lt;SYMBOL&gt;.csv</c>, each object
/// written in one PutObject, so a reader never sees part of a file. S3 failures become one clear line naming the
/// bucket.
/// </summary>
public sealed class S3FetchTarget : IFetchTarget
{
    private readonly IAmazonS3 _client;
    private readonly S3BarStore _store;
    private readonly S3Address _location;

    public S3FetchTarget(IAmazonS3 client, S3Address location)
    {
        ArgumentNullException.ThrowIfNull(location);
        _client = client ?? throw new ArgumentNullException(nameof(client));
        _location = location;
        _store = new S3BarStore(client, location.Bucket, location.Prefix);
    }

    public string Display => _location.ToString();

    public async Task<IReadOnlyDictionary<string, StoredSeries>> ReadAsync(IReadOnlyCollection<string> symbols, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        var present = await GuardAsync("list", () => Task.FromResult(_store.Symbols().ToHashSet(StringComparer.Ordinal))).ConfigureAwait(false);
        var found = new Dictionary<string, StoredSeries>(StringComparer.Ordinal);
        foreach (var symbol in symbols.Where(present.Contains))
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                var bars = await GuardAsync("read", () => _store.PreloadAsync([symbol], cancellationToken)).ConfigureAwait(false);
                found[symbol] = StoredSeries.Of(bars[symbol]);
            }
            catch (MarketDataException e)
            {
                found[symbol] = StoredSeries.Unreadable(e.Message);
            }
        }

        return found;
    }

    public Task WriteAsync(string symbol, IReadOnlyList<DailyBar> bars, CancellationToken cancellationToken) =>
        GuardAsync("write", async () =>
        {
            await _store.PutBarsAsync(symbol, bars, cancellationToken).ConfigureAwait(false);
            return true;
        });

    public Task<string?> ReadStateAsync(CancellationToken cancellationToken) =>
        GuardAsync("read", async () =>
        {
            try
            {
                using var response = await _client.GetObjectAsync(_location.Bucket, StateKey, cancellationToken).ConfigureAwait(false);
                using var reader = new StreamReader(response.ResponseStream, Encoding.UTF8);
                return (string?)await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (AmazonS3Exception e) when (e.StatusCode == System.Net.HttpStatusCode.NotFound && !IsNoSuchBucket(e))
            {
                return null;
            }
        });

    public Task WriteStateAsync(string json, CancellationToken cancellationToken) =>
        GuardAsync("write", async () =>
        {
            await _client.PutObjectAsync(
                new PutObjectRequest { BucketName = _location.Bucket, Key = StateKey, ContentBody = json, ContentType = "application/json" },
                cancellationToken).ConfigureAwait(false);
            return true;
        });

    private string StateKey => _store.KeyPrefix + S3BarStore.BarsFolder + FetchState.FileName;

    private static bool IsNoSuchBucket(AmazonS3Exception e) => string.Equals(e.ErrorCode, "NoSuchBucket", StringComparison.Ordinal);

    private async Task<T> GuardAsync<T>(string what, Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (AmazonS3Exception e) when (IsNoSuchBucket(e))
        {
            throw new ConfigurationException($"S3 bucket {_location.Bucket} does not exist", "create it (aws s3 mb s3://" + _location.Bucket + ") or check --to", e);
        }
        catch (AmazonS3Exception e)
        {
            throw new ConfigurationException(
                $"could not {what} {Display}: S3 {(int)e.StatusCode} {e.ErrorCode}: {e.Message}", "check the AWS credentials, region and the bucket's permissions: alchemiser doctor --aws", e);
        }
        catch (Amazon.Runtime.AmazonClientException e)
        {
            throw new ConfigurationException($"could not {what} {Display}: {Cloud.CliAws.Describe(e)}", "check the AWS credentials, AWS_REGION and AWS_ENDPOINT_URL: alchemiser doctor --aws", e);
        }
    }
}
