using System.Globalization;
using System.Text;
using Alchemiser.Aws.IntegrationTests.Support;
using Alchemiser.Aws.S3;
using Alchemiser.Core.Errors;
using Alchemiser.Core.MarketData;
using Alchemiser.Local.Synthetic;
using Amazon.S3;
using Amazon.S3.Model;

namespace Alchemiser.Aws.IntegrationTests.S3;

/// <summary>What S3BarStore adds to the contract: object layout and bytes, preloading, caching, errors.</summary>
[Collection(MotoCollection.Name)]
[Trait("Category", "Integration")]
public sealed class S3BarStoreTests(MotoServer moto) : IAsyncLifetime, IDisposable
{
    private static readonly DateOnly From = new(2015, 1, 1);
    private static readonly DateOnly To = new(2024, 12, 31);

    private readonly AmazonS3Client _client = MotoS3.Client(moto);
    private readonly string _bucket = MotoS3.UniqueBucketName("bars");

    public void Dispose() => _client.Dispose();

    public Task InitializeAsync() => new S3BarStore(_client, _bucket).EnsureBucketAsync();

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Three_hundred_symbols_of_ten_years_written_then_preloaded_read_back_equal()
    {
        var symbols = SyntheticMarket.KnownTickers.Concat(["BRK/B"])
            .Concat(Enumerable.Range(0, 300).Select(i => string.Create(CultureInfo.InvariantCulture, $"SYN{i:000}")))
            .Distinct(StringComparer.Ordinal).Take(300).ToArray();
        var market = new SyntheticMarket(seed: 7).Generate(symbols, From, To);
        var writer = new S3BarStore(_client, _bucket, "lake");
        await Parallel.ForEachAsync(symbols, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (symbol, token) =>
            await writer.PutBarsAsync(symbol, market[symbol], token));

        var reader = new S3BarStore(_client, _bucket, "lake");
        var preloaded = await reader.PreloadAsync(symbols);

        Assert.Equal(300, symbols.Length);
        Assert.True(market["SPY"].Count > 2400, "ten years of trading days");
        Assert.Equal(symbols.Order(StringComparer.Ordinal), reader.Symbols());
        foreach (var symbol in symbols)
        {
            Assert.Equal(market[symbol], preloaded[symbol]);
            Assert.Equal(market[symbol], reader.GetBars(symbol));
        }
    }

    [Fact]
    public async Task A_price_file_is_the_csv_the_local_store_reads_under_bars_daily()
    {
        DailyBar[] bars = [new(new DateOnly(2024, 1, 2), 362.46m, 363m, 361.5m, 362.46m, 1_000)];
        var store = new S3BarStore(_client, _bucket, "lake");

        await store.PutBarsAsync("BRK/B", bars);

        using var response = await _client.GetObjectAsync(_bucket, "lake/bars/daily/BRK_B.csv");
        using var content = new MemoryStream();
        await response.ResponseStream.CopyToAsync(content);
        Assert.Equal(Encoding.UTF8.GetBytes(CsvBarWriter.ToCsv(bars)), content.ToArray());
        Assert.Equal("lake/bars/daily/BRK_B.csv", store.KeyOf("BRK/B"));
    }

    [Fact]
    public async Task After_preloading_bars_are_served_without_asking_s3_again()
    {
        var writer = new S3BarStore(_client, _bucket);
        await writer.PutBarsAsync("SPY", Series(100m));
        var reader = new S3BarStore(_client, _bucket);
        await reader.PreloadAsync(["SPY"]);

        await _client.DeleteObjectAsync(_bucket, reader.KeyOf("SPY"));

        Assert.Equal(Series(100m), reader.GetBars("SPY"));
        Assert.True(reader.Contains("SPY"));
        Assert.False(new S3BarStore(_client, _bucket).Contains("SPY"));
    }

    [Fact]
    public async Task Writing_a_symbol_drops_the_writers_cached_series()
    {
        var store = new S3BarStore(_client, _bucket);
        await store.PutBarsAsync("SPY", Series(100m));
        Assert.Equal(Series(100m), store.GetBars("SPY"));

        await store.PutBarsAsync("SPY", Series(200m));

        Assert.Equal(Series(200m), store.GetBars("SPY"));
    }

    [Fact]
    public async Task A_malformed_file_is_a_data_error_naming_its_s3_location_and_line()
    {
        await PutRawAsync("bars/daily/SPY.csv", "date,open,high,low,close,volume\n2024-01-02,1,1,1,1,100\n2024-01-03,1,1,1,abc,100\n");

        var error = Assert.Throws<MarketDataException>(() => new S3BarStore(_client, _bucket).GetBars("SPY"));

        Assert.StartsWith($"s3://{_bucket}/bars/daily/SPY.csv:3: ", error.Message, StringComparison.Ordinal);
        Assert.Equal(ErrorCategory.Data, error.Category);
    }

    [Fact]
    public async Task A_failed_read_is_not_cached_so_a_repaired_file_is_read_next_time()
    {
        await PutRawAsync("bars/daily/SPY.csv", "date,open,high,low,close\n");
        var store = new S3BarStore(_client, _bucket);
        Assert.Throws<MarketDataException>(() => store.GetBars("SPY"));

        await store.PutBarsAsync("SPY", Series(100m));

        Assert.Equal(Series(100m), store.GetBars("SPY"));
    }

    [Fact]
    public async Task Preloading_reports_every_missing_or_malformed_symbol_at_once()
    {
        var store = new S3BarStore(_client, _bucket);
        await store.PutBarsAsync("SPY", Series(100m));
        await PutRawAsync("bars/daily/QQQ.csv", "not a price file\n");

        var error = await Assert.ThrowsAsync<MarketDataException>(() => store.PreloadAsync(["SPY", "QQQ", "IWM"]));

        Assert.StartsWith("2 price files could not be loaded", error.Message, StringComparison.Ordinal);
        Assert.Contains($"s3://{_bucket}/bars/daily/QQQ.csv:1: ", error.Message, StringComparison.Ordinal);
        Assert.Contains($"s3://{_bucket}/bars/daily/IWM.csv", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_symbol_names_the_object_it_expected()
    {
        var error = Assert.Throws<MarketDataException>(() => new S3BarStore(_client, _bucket, "lake").GetBars("QQQ"));

        Assert.Contains($"s3://{_bucket}/lake/bars/daily/QQQ.csv", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Symbols_lists_only_price_files_directly_in_the_bars_folder()
    {
        var store = new S3BarStore(_client, _bucket, "lake");
        await store.PutBarsAsync("SPY", Series(100m));
        await PutRawAsync("lake/bars/daily/README.txt", "x");
        await PutRawAsync("lake/bars/daily/old/QQQ.csv", "x");
        await PutRawAsync("lake/bars/weekly/IWM.csv", "x");
        await PutRawAsync("bars/daily/DIA.csv", "x");

        Assert.Equal(["SPY"], store.Symbols());
    }

    [Fact]
    public async Task A_series_that_breaks_the_ports_rules_is_refused_before_anything_is_written()
    {
        var store = new S3BarStore(_client, _bucket);

        await Assert.ThrowsAsync<ArgumentException>(() => store.PutBarsAsync("SPY", [.. Series(100m), .. Series(100m)]));
        await Assert.ThrowsAsync<ArgumentException>(() => store.PutBarsAsync("BAD_NAME", Series(100m)));

        Assert.Empty(store.Symbols());
    }

    private static DailyBar[] Series(decimal close) =>
        [new(new DateOnly(2024, 1, 2), close, close, close, close, 10), new(new DateOnly(2024, 1, 3), close + 1m, close + 1m, close + 1m, close + 1m, 20)];

    private Task PutRawAsync(string key, string text) =>
        _client.PutObjectAsync(new PutObjectRequest { BucketName = _bucket, Key = key, ContentBody = text });
}
