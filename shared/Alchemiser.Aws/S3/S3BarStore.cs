using System.Collections.Concurrent;
using Alchemiser.Core.Errors;
using Alchemiser.Core.MarketData;
using Amazon.S3;
using Amazon.S3.Model;

namespace Alchemiser.Aws.S3;

/// <summary>
/// The daily price datalake in S3: one <see cref="CsvBarFormat"/> object per symbol at
/// <c>{keyPrefix}bars/daily/{file}</c>, the file named by <see cref="SymbolFileName"/> (<c>BRK/B</c> →
/// <c>BRK_B.csv</c>), the same bytes the local <c>CsvBarStore</c> reads. <see cref="IBarStore"/> is synchronous, so a
/// caller that knows its universe first awaits <see cref="PreloadAsync"/>, which fetches up to
/// <c>maxConcurrency</c> objects at once into the cache; <see cref="GetBars"/> serves from the cache and fetches
/// synchronously on a miss. Each symbol is fetched at most once while it is cached (concurrent first requests share
/// one fetch); a failed fetch is not cached. A malformed object is a <see cref="MarketDataException"/> whose message
/// starts with <c>s3://bucket/key:line: </c>, as the local parser words it.
/// </summary>
public sealed class S3BarStore : IBarStore
{
    /// <summary>The folder, below the key prefix, that holds one price file per symbol.</summary>
    public const string BarsFolder = "bars/daily/";

    /// <summary>How many objects <see cref="PreloadAsync"/> fetches at once unless told otherwise.</summary>
    public const int DefaultMaxConcurrency = 16;

    private const int ListPageSize = 1000;

    private readonly ConcurrentDictionary<string, Lazy<Task<IReadOnlyList<DailyBar>>>> _cache = new(StringComparer.Ordinal);
    private readonly IAmazonS3 _client;
    private readonly int _maxConcurrency;

    /// <summary>A store over <paramref name="bucketName"/>; nothing is read until bars are asked for.</summary>
    /// <param name="client">The S3 client.</param>
    /// <param name="bucketName">The bucket.</param>
    /// <param name="keyPrefix">The folder inside the bucket above <see cref="BarsFolder"/>; empty for the bucket's root.</param>
    /// <param name="maxConcurrency">How many objects <see cref="PreloadAsync"/> fetches at once.</param>
    public S3BarStore(IAmazonS3 client, string bucketName, string keyPrefix = "", int maxConcurrency = DefaultMaxConcurrency)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrEmpty(bucketName);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConcurrency, 1);
        _client = client;
        BucketName = bucketName;
        KeyPrefix = S3Buckets.NormalizePrefix(keyPrefix, nameof(keyPrefix));
        _maxConcurrency = maxConcurrency;
    }

    /// <summary>The bucket.</summary>
    public string BucketName { get; }

    /// <summary>The folder inside the bucket, empty or ending with <c>/</c>.</summary>
    public string KeyPrefix { get; }

    /// <summary>The object key of <paramref name="symbol"/>'s price file: <c>{KeyPrefix}bars/daily/BRK_B.csv</c>.</summary>
    /// <exception cref="ArgumentException">The symbol cannot name a price file.</exception>
    public string KeyOf(string symbol) => KeyPrefix + BarsFolder + SymbolFileName.ToFileName(symbol);

    /// <summary>Creates the bucket unless this account already owns it (for tests and first runs).</summary>
    public Task EnsureBucketAsync(CancellationToken cancellationToken = default) =>
        S3Buckets.EnsureAsync(_client, BucketName, cancellationToken);

    /// <inheritdoc />
    /// <remarks>Lists the bars folder (every page) on every call; objects in sub-folders or not named like a price file are ignored.</remarks>
    public IReadOnlyList<string> Symbols()
    {
        var folder = KeyPrefix + BarsFolder;
        var keys = S3Buckets.ListKeysAsync(_client, BucketName, folder, ListPageSize, CancellationToken.None).GetAwaiter().GetResult();
        var symbols = new List<string>(keys.Count);
        foreach (var key in keys)
        {
            if (SymbolFileName.TryGetSymbol(key[folder.Length..], out var symbol))
            {
                symbols.Add(symbol);
            }
        }

        symbols.Sort(StringComparer.Ordinal);
        return symbols;
    }

    /// <inheritdoc />
    /// <remarks>A symbol already fetched answers from the cache; any other costs one HEAD request.</remarks>
    public bool Contains(string symbol)
    {
        if (_cache.TryGetValue(symbol, out var entry) && entry.IsValueCreated && entry.Value.IsCompletedSuccessfully)
        {
            return true;
        }

        if (!SymbolFileName.IsValidSymbol(symbol))
        {
            return false;
        }

        try
        {
            _client.GetObjectMetadataAsync(BucketName, KeyOf(symbol)).GetAwaiter().GetResult();
            return true;
        }
        catch (AmazonS3Exception e) when (S3Buckets.IsNotFound(e))
        {
            return false;
        }
    }

    /// <inheritdoc />
    /// <remarks>From the cache when <see cref="PreloadAsync"/> or an earlier call fetched it; otherwise fetched now, blocking.</remarks>
    public IReadOnlyList<DailyBar> GetBars(string symbol)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        return GetBarsAsync(symbol, CancellationToken.None).GetAwaiter().GetResult();
    }

    /// <summary>
    /// Fetches <paramref name="symbols"/> (duplicates ignored) into the cache, at most <c>maxConcurrency</c> at once, and
    /// returns them by symbol. When objects are missing or malformed, every such object is reported: a single problem is
    /// thrown as it is, several as one <see cref="MarketDataException"/> listing them all.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<DailyBar>>> PreloadAsync(
        IEnumerable<string> symbols, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        var distinct = symbols.Distinct(StringComparer.Ordinal).ToArray();
        var loaded = new IReadOnlyList<DailyBar>[distinct.Length];
        var failures = new ConcurrentBag<(int Index, MarketDataException Error)>();
        var options = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = _maxConcurrency };
        await Parallel.ForEachAsync(Enumerable.Range(0, distinct.Length), options, async (i, token) =>
        {
            try
            {
                loaded[i] = await GetBarsAsync(distinct[i], token);
            }
            catch (MarketDataException e)
            {
                failures.Add((i, e));
            }
        });

        return BarPreload.Collect(distinct, loaded, failures);
    }

    /// <summary>
    /// Writes <paramref name="symbol"/>'s price file (one PutObject of the whole file, text/csv, UTF-8 without BOM), so a
    /// reader sees the old series or the new one. The symbol's cached series, if any, is dropped.
    /// </summary>
    /// <exception cref="ArgumentException">The symbol cannot name a price file, or the series breaks the store's rules.</exception>
    public async Task PutBarsAsync(string symbol, IReadOnlyList<DailyBar> bars, CancellationToken cancellationToken = default)
    {
        var key = KeyOf(symbol);
        var content = CsvBarWriter.ToUtf8(symbol, bars);
        using var body = new MemoryStream(content, writable: false);
        await _client.PutObjectAsync(new PutObjectRequest
        {
            BucketName = BucketName,
            Key = key,
            InputStream = body,
            AutoCloseStream = false,
            ContentType = "text/csv",
        }, cancellationToken);
        _cache.TryRemove(symbol, out _);
    }

    private async Task<IReadOnlyList<DailyBar>> GetBarsAsync(string symbol, CancellationToken cancellationToken)
    {
        var entry = _cache.GetOrAdd(symbol, s => new Lazy<Task<IReadOnlyList<DailyBar>>>(() => FetchAsync(s)));
        try
        {
            return await entry.Value.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // This caller gave up; the shared fetch goes on for the others and the cache.
            throw;
        }
        catch (Exception)
        {
            _cache.TryRemove(new KeyValuePair<string, Lazy<Task<IReadOnlyList<DailyBar>>>>(symbol, entry));
            throw;
        }
    }

    /// <summary>One fetch, shared by every caller that asks while it runs; no caller's cancellation stops it.</summary>
    private async Task<IReadOnlyList<DailyBar>> FetchAsync(string symbol)
    {
        if (!SymbolFileName.IsValidSymbol(symbol))
        {
            throw new MarketDataException($"'{symbol}' is not a valid symbol: no price file can be named after it", CsvBarFormat.RemediationHint);
        }

        var key = KeyOf(symbol);
        var location = $"s3://{BucketName}/{key}";
        byte[] content;
        try
        {
            using var response = await _client.GetObjectAsync(BucketName, key, CancellationToken.None);
            content = await S3Buckets.ReadAllAsync(response, CancellationToken.None);
        }
        catch (AmazonS3Exception e) when (string.Equals(e.ErrorCode, "NoSuchBucket", StringComparison.Ordinal))
        {
            throw new MarketDataException(
                $"no price file for '{symbol}': bucket {BucketName} does not exist (expected {location})",
                "Check the configured price bucket.",
                e);
        }
        catch (AmazonS3Exception e) when (S3Buckets.IsNotFound(e))
        {
            throw new MarketDataException(
                $"no price file for '{symbol}' (expected {location})",
                $"Upload the symbol's price file to {location}, or check the configured bucket and prefix.",
                e);
        }

        return Array.AsReadOnly(CsvBarParser.Parse(content, location));
    }
}
