using System.Collections.Concurrent;
using Alchemiser.Alpaca.TestServer;
using Alchemiser.Core.Brokerage;
using Alchemiser.Core.MarketData;
using Alchemiser.Local.Brokerage;
using Alchemiser.Local.MarketData;
using Alchemiser.Local.Synthetic;
using Alchemiser.Local.Time;
using Microsoft.Data.Sqlite;

namespace Alchemiser.Cli.Tests;

/// <summary>
/// A running <see cref="AlpacaTestServer"/> on 127.0.0.1 for the alpaca-path commands: a paper broker over a synthetic
/// market (its daily bars are also what <c>/v2/stocks/bars</c> serves), on a simulated clock standing at
/// <see cref="Now"/>, and the environment that points the CLI at it with the right keys. Every CLI run made through
/// <see cref="Run"/> is kept, so a test can check that no output ever shows the key or the secret. Dispose it to stop
/// the server and delete its folder.
/// </summary>
internal sealed class AlpacaServer : IAsyncDisposable
{
    public const string KeyId = "PKCLITEST8Z4W2Q";
    public const string Secret = "cli-secret-3b9d7e1f0a2c6d5e";

    /// <summary>Monday 2025-06-30, a trading day.</summary>
    public static readonly DateOnly TradingDate = new(2025, 6, 30);

    private readonly string _folder;
    private readonly ConcurrentQueue<CliRun> _runs = new();

    private AlpacaServer(string folder, SimulatedClock clock, PaperBroker broker, InMemoryBarStore bars, AlpacaTestServer server)
    {
        _folder = folder;
        Clock = clock;
        Broker = broker;
        Bars = bars;
        Server = server;
    }

    public SimulatedClock Clock { get; }

    public PaperBroker Broker { get; }

    /// <summary>The bars the server serves (and the paper market is drawn from).</summary>
    public InMemoryBarStore Bars { get; }

    public AlpacaTestServer Server { get; }

    /// <summary>The server's and the broker's now.</summary>
    public DateTimeOffset Now => Clock.UtcNow;

    /// <summary>Every CLI run made through <see cref="Run"/>.</summary>
    public IReadOnlyCollection<CliRun> Runs => _runs;

    /// <summary>
    /// Starts a server whose market holds synthetic bars of <paramref name="symbols"/> from 2019 through the trading
    /// date, with its clock at <paramref name="newYorkTime"/> on <paramref name="date"/> (15:30 on <see cref="TradingDate"/>: open).
    /// </summary>
    public static async Task<AlpacaServer> StartAsync(IEnumerable<string> symbols, DateOnly? date = null, TimeOnly? newYorkTime = null)
    {
        var folder = Directory.CreateTempSubdirectory("alchemiser-cli-alpaca-").FullName;
        var bars = new InMemoryBarStore(new SyntheticMarket(11).Generate(symbols, new DateOnly(2019, 1, 2), TradingDate));
        var clock = SimulatedClock.At(date ?? TradingDate, newYorkTime ?? new TimeOnly(15, 30));
        var broker = new PaperBroker(Path.Combine(folder, "paper.db"), new BarMarketModel(bars), clock);
        var server = await AlpacaTestServer.StartAsync(new AlpacaTestServerOptions
        {
            Broker = broker, Bars = bars, KeyId = KeyId, SecretKey = Secret, Clock = clock, Delay = clock,
        });
        return new AlpacaServer(folder, clock, broker, bars, server);
    }

    /// <summary>The CLI's environment: the server's URLs and the given keys (the right ones by default).</summary>
    public Dictionary<string, string> Environment(string? keyId = KeyId, string? secret = Secret)
    {
        var url = Server.BaseUrl.ToString().TrimEnd('/');
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ALCHEMISER_ALPACA_TRADING_URL"] = url,
            ["ALCHEMISER_ALPACA_DATA_URL"] = url,
        };
        if (keyId is not null)
        {
            environment["ALPACA_API_KEY"] = keyId;
        }

        if (secret is not null)
        {
            environment["ALPACA_SECRET_KEY"] = secret;
        }

        return environment;
    }

    /// <summary>Runs the CLI in-process against this server with the right keys.</summary>
    public CliRun Run(params string[] args) => Run(Environment(), args);

    /// <summary>Runs the CLI in-process with <paramref name="environment"/>; the run is kept for the secret scan.</summary>
    public CliRun Run(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var run = CliHarness.Run(environment, args);
        _runs.Enqueue(run);
        return run;
    }

    /// <summary>Buys <paramref name="quantity"/> shares at the market through the paper broker and lets the order fill.</summary>
    public async Task BuyAsync(string symbol, decimal quantity)
    {
        await Broker.SubmitOrderAsync(OrderRequest.Market("cli-test-" + symbol, symbol, OrderSide.Buy, quantity));
        Clock.Advance(TimeSpan.FromSeconds(5));
        var positions = await Broker.GetPositionsAsync();
        Assert.Contains(positions, p => p.Symbol == symbol);
    }

    /// <summary>The server's bars of <paramref name="symbol"/> from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public IReadOnlyList<DailyBar> BarsOf(string symbol, DateOnly from, DateOnly to) =>
        Bars.GetBars(symbol).Where(b => b.Date >= from && b.Date <= to).ToList();

    /// <summary>The bar requests the server has seen, in order.</summary>
    public IReadOnlyList<Alpaca.TestServer.Journal.JournalEntry> BarRequests => Server.Journal.Matching("GET", "/v2/stocks/bars");

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}

/// <summary>Checks that nothing a user or a log sees holds a key.</summary>
internal static class Secrets
{
    /// <summary>Fails when <paramref name="text"/> contains any of <paramref name="secrets"/>.</summary>
    public static void AssertAbsent(string text, params string[] secrets)
    {
        foreach (var secret in secrets)
        {
            Assert.False(text.Contains(secret, StringComparison.Ordinal), $"a configured secret appears in: {text}");
        }
    }
}
