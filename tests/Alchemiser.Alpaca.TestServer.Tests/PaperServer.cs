using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Alchemiser.Core.Brokerage;
using Alchemiser.Local.Brokerage;
using Alchemiser.Local.MarketData;
using Alchemiser.Local.Time;
using Microsoft.Data.Sqlite;

namespace Alchemiser.Alpaca.TestServer.Tests;

/// <summary>
/// A paper account behind a running <see cref="AlpacaTestServer"/> on Monday 2025-06-30: a paper broker on a fresh
/// SQLite file in its own temp folder, a scripted market, an in-memory bar store and a simulated clock standing at
/// 15:30 New York (<see cref="Open"/>) that the broker, the server and fault delays share; and a plain
/// <see cref="HttpClient"/> sending the right keys. Dispose it to stop the server and delete the folder.
/// </summary>
public sealed class PaperServer : IAsyncDisposable
{
    public const string KeyId = "PKTESTKEY7Q3M";
    public const string Secret = "sk-test-5f1c9e0b7a2d4e8f";

    /// <summary>Shares displayed on each side of a quote unless a test thins it.</summary>
    public const decimal Deep = 100_000m;

    public static readonly DateOnly TradingDate = new(2025, 6, 30);

    /// <summary>15:30 New York on the trading date, where the clock starts.</summary>
    public static readonly DateTimeOffset Open = SimulatedClock.At(TradingDate, new TimeOnly(15, 30)).UtcNow;

    private readonly string _folder;

    private PaperServer(string folder, SimulatedClock clock, ScriptedMarketModel market, PaperBroker broker, InMemoryBarStore bars, AlpacaTestServer server)
    {
        _folder = folder;
        Clock = clock;
        Market = market;
        Broker = broker;
        Bars = bars;
        Server = server;
        Http = Client(server, KeyId, Secret);
    }

    public SimulatedClock Clock { get; }

    public ScriptedMarketModel Market { get; }

    public PaperBroker Broker { get; }

    public InMemoryBarStore Bars { get; }

    public AlpacaTestServer Server { get; }

    /// <summary>A client with the right keys.</summary>
    public HttpClient Http { get; }

    /// <summary>Starts a server; <paramref name="configure"/> adjusts its options (page size, rate limit, delay).</summary>
    public static async Task<PaperServer> StartAsync(
        Func<AlpacaTestServerOptions, AlpacaTestServerOptions>? configure = null, decimal initialCash = 100_000m, PaperBrokerOptions? brokerOptions = null)
    {
        var folder = Directory.CreateTempSubdirectory("alchemiser-alpaca-server-").FullName;
        var clock = new SimulatedClock(Open);
        var market = new ScriptedMarketModel();
        var broker = new PaperBroker(Path.Combine(folder, "paper.db"), market, clock, (brokerOptions ?? new PaperBrokerOptions()) with { InitialCash = initialCash });
        var bars = new InMemoryBarStore();
        var options = new AlpacaTestServerOptions { Broker = broker, Bars = bars, KeyId = KeyId, SecretKey = Secret, Clock = clock, Delay = clock };
        var server = await AlpacaTestServer.StartAsync(configure?.Invoke(options) ?? options);
        return new PaperServer(folder, clock, market, broker, bars, server);
    }

    /// <summary>A client of <paramref name="server"/> sending the given keys (none when null).</summary>
    public static HttpClient Client(AlpacaTestServer server, string? keyId, string? secret)
    {
        var http = new HttpClient { BaseAddress = server.BaseUrl };
        if (keyId is not null)
        {
            http.DefaultRequestHeaders.Add("APCA-API-KEY-ID", keyId);
        }

        if (secret is not null)
        {
            http.DefaultRequestHeaders.Add("APCA-API-SECRET-KEY", secret);
        }

        return http;
    }

    /// <summary>From now on <paramref name="symbol"/> is quoted at <paramref name="bid"/> / <paramref name="ask"/> and last traded at the mid.</summary>
    public void Quote(string symbol, decimal bid, decimal ask, decimal bidSize = Deep, decimal askSize = Deep)
    {
        Market.SetQuote(symbol, Clock.UtcNow, bid, ask, bidSize, askSize);
        Market.SetLastTrade(symbol, Clock.UtcNow, (bid + ask) / 2m);
    }

    /// <summary>Moves the clock on by <paramref name="seconds"/>.</summary>
    public void Advance(double seconds) => Clock.Advance(TimeSpan.FromSeconds(seconds));

    public Task<Reply> GetAsync(string pathAndQuery, CancellationToken cancellationToken = default) =>
        SendAsync(Http, HttpMethod.Get, pathAndQuery, null, cancellationToken);

    public Task<Reply> PostAsync(string path, string json, CancellationToken cancellationToken = default) =>
        SendAsync(Http, HttpMethod.Post, path, json, cancellationToken);

    public Task<Reply> PatchAsync(string path, string json) => SendAsync(Http, HttpMethod.Patch, path, json, CancellationToken.None);

    public Task<Reply> DeleteAsync(string path) => SendAsync(Http, HttpMethod.Delete, path, null, CancellationToken.None);

    /// <summary>Places a limit day order; the answer as it came.</summary>
    public Task<Reply> PlaceLimitAsync(string clientOrderId, string symbol, string side, decimal qty, decimal limitPrice) =>
        PostAsync("v2/orders", Invariant(
            $$"""{"symbol":"{{symbol}}","qty":"{{qty}}","side":"{{side}}","type":"limit","limit_price":"{{limitPrice}}","time_in_force":"day","client_order_id":"{{clientOrderId}}"}"""));

    /// <summary>Places a market day order by quantity; the answer as it came.</summary>
    public Task<Reply> PlaceMarketAsync(string clientOrderId, string symbol, string side, decimal qty) =>
        PostAsync("v2/orders", Invariant(
            $$"""{"symbol":"{{symbol}}","qty":"{{qty}}","side":"{{side}}","type":"market","time_in_force":"day","client_order_id":"{{clientOrderId}}"}"""));

    /// <summary>Sends one request and reads the whole answer.</summary>
    public static async Task<Reply> SendAsync(HttpClient http, HttpMethod method, string pathAndQuery, string? json, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, pathAndQuery);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
        }

        using var response = await http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return new Reply(response.StatusCode, text, response.Headers, response.Content.Headers.ContentType?.MediaType);
    }

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
