using System.Globalization;
using Alchemiser.Core.MarketData;
using Alchemiser.Local.Synthetic;

namespace Alchemiser.Cli.Tests;

/// <summary><c>alchemiser data fetch</c> to a folder, against the local Alpaca-compatible server over real HTTP.</summary>
public sealed class DataFetchCommandTests : IAsyncLifetime
{
    private static readonly string[] Symbols = ["SPY", "QQQ", "TLT", "GLD"];
    private static readonly DateOnly End = new(2025, 6, 27);
    private static readonly DateOnly Start = End.AddYears(-3).AddDays(1);

    private readonly TempFolder _temp = new();
    private AlpacaServer _server = null!;

    private string Prices => Path.Combine(_temp.Path, "prices");

    public async Task InitializeAsync() => _server = await AlpacaServer.StartAsync(Symbols);

    public async Task DisposeAsync()
    {
        foreach (var run in _server.Runs)
        {
            Secrets.AssertAbsent(run.All, AlpacaServer.KeyId, AlpacaServer.Secret);
        }

        await _server.DisposeAsync();
        _temp.Dispose();
    }

    private CliRun Fetch(params string[] symbols) =>
        _server.Run("data", "fetch", "--symbols", string.Join(',', symbols), "--years", "3", "--end", "2025-06-27", "--to", Prices);

    private IReadOnlyList<DailyBar> FileOf(string symbol) => CsvBarParser.Parse(File.ReadAllBytes(Path.Combine(Prices, symbol + ".csv")), symbol);

    [Fact]
    public void Fetches_every_symbol_for_the_years_then_a_second_run_sends_no_bar_request()
    {
        var first = Fetch(Symbols);

        Assert.True(first.ExitCode == 0, first.All);
        Assert.Contains("4 written, 0 appended, 0 up to date · 2022-06-28 … 2025-06-27", first.Stdout, StringComparison.Ordinal);
        foreach (var symbol in Symbols)
        {
            Assert.Equal(_server.BarsOf(symbol, Start, End), FileOf(symbol));
        }

        var requests = _server.BarRequests.Count;
        Assert.True(requests >= 1);
        Assert.All(_server.BarRequests, r => Assert.Contains("adjustment=all", r.Query, StringComparison.Ordinal));

        var second = Fetch(Symbols);

        Assert.True(second.ExitCode == 0, second.All);
        Assert.Equal(requests, _server.BarRequests.Count);
        Assert.Contains("0 written, 0 appended, 4 up to date", second.Stdout, StringComparison.Ordinal);
        Assert.Contains("0 Alpaca requests", second.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_ends_early_is_resumed_from_its_last_date_and_only_that_symbol_is_asked_for()
    {
        Assert.Equal(0, Fetch(Symbols).ExitCode);
        var full = FileOf("QQQ");
        var cut = full.Take(full.Count / 2).ToList();
        CsvBarWriter.WriteSymbol(Prices, "QQQ", cut);
        var before = _server.BarRequests.Count;

        var resumed = Fetch(Symbols);

        Assert.True(resumed.ExitCode == 0, resumed.All);
        var asked = Assert.Single(_server.BarRequests.Skip(before));
        Assert.Contains("symbols=QQQ&", asked.Query, StringComparison.Ordinal);
        var lastDay = cut[^1].Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Contains("start=" + lastDay + "T", Uri.UnescapeDataString(asked.Query), StringComparison.Ordinal);
        Assert.Equal(full, FileOf("QQQ"));
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"appended:   QQQ (+{full.Count - cut.Count})"), resumed.Stdout, StringComparison.Ordinal);
        Assert.Contains("3 up to date", resumed.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_from_another_source_is_replaced_by_alpacas_bars()
    {
        // A synthetic market written with another seed: its last close does not match Alpaca's.
        new SyntheticMarket(99).WriteCsvFolder(Prices, ["TLT"], Start, new DateOnly(2024, 12, 31));

        var run = Fetch("TLT");

        Assert.True(run.ExitCode == 0, run.All);
        Assert.Equal(_server.BarsOf("TLT", Start, End), FileOf("TLT"));
        Assert.Contains("stored prices differ from Alpaca's adjusted prices", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_symbol_is_reported_and_the_others_are_written()
    {
        var run = Fetch("SPY", "NOPEX", "GLD");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error: NOPEX: unknown symbol: Alpaca has no such asset", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("2 written", run.Stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(Prices, "SPY.csv")));
        Assert.True(File.Exists(Path.Combine(Prices, "GLD.csv")));
        Assert.False(File.Exists(Path.Combine(Prices, "NOPEX.csv")));
        Assert.DoesNotContain("   at ", run.All, StringComparison.Ordinal);
    }

    [Fact]
    public void Fetches_the_tickers_of_a_stage_manifest()
    {
        var manifest = _temp.File("strategies/strategies.dev.json", """{"strategies": [{"file": "pair.clj", "weight": 1}]}""");
        _temp.File("strategies/pair.clj", """
            (defsymphony "Pair" {:asset-class "EQUITIES" :rebalance-frequency :daily}
              (weight-equal [(asset "SPY") (asset "TLT")]))
            """);

        var run = _server.Run("data", "fetch", "--strategies", manifest, "--years", "1", "--end", "2025-06-27", "--to", Prices);

        Assert.True(run.ExitCode == 0, run.All);
        Assert.Equal(["SPY.csv", "TLT.csv"], Directory.GetFiles(Prices, "*.csv").Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("--end", "2999-01-01", "is not before today")]
    [InlineData("--years", "0", "--years must be between 1 and 50")]
    [InlineData("--to", "s3://X", "does not name an S3 bucket")]
    public void A_bad_range_or_destination_is_a_clear_error(string option, string value, string message)
    {
        var args = new List<string> { "data", "fetch", "--symbols", "SPY", "--to", Prices, "--years", "2" };
        var at = args.IndexOf(option);
        if (at >= 0)
        {
            args[at + 1] = value;
        }
        else
        {
            args.AddRange([option, value]);
        }

        var run = _server.Run([.. args]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(message, run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.All, StringComparison.Ordinal);
        Assert.Empty(_server.BarRequests);
    }

    [Fact]
    public void Without_credentials_it_says_how_to_configure_them_and_asks_nothing()
    {
        var run = _server.Run(_server.Environment(keyId: null, secret: null), "data", "fetch", "--symbols", "SPY", "--to", Prices, "--end", "2025-06-27");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("no Alpaca credentials", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("ALPACA_API_KEY", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(_server.Server.Journal.Entries);
    }
}
