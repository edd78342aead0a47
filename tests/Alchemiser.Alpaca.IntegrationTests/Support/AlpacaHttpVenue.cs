using Alchemiser.Alpaca.TestServer;
using Alchemiser.Functions.Tests.Support;
using Alchemiser.Local.Brokerage;
using Alchemiser.Local.Time;

namespace Alchemiser.Alpaca.IntegrationTests.Support;

/// <summary>
/// The services reach the paper broker through Alpaca's HTTP API: an <see cref="AlpacaTestServer"/> on 127.0.0.1 in
/// front of the scenario's paper broker, and a real <see cref="AlpacaClient"/> pointed at it (both base URLs). The
/// server, the client's request budget and its retry waits all run on the scenario's simulated clock, so execution's
/// waits, retries and rate-limit waits advance simulated time instead of sleeping. The keys are distinctive so the
/// secret scan can look for them.
/// </summary>
public sealed class AlpacaHttpVenue : IPaperVenue
{
    /// <summary>The key id every test configures unless it says otherwise.</summary>
    public const string ConfiguredKeyId = "PKINTEG7QZ3M9XW2LRV8";

    /// <summary>The secret key every test configures unless it says otherwise.</summary>
    public const string ConfiguredSecretKey = "itg-sk-4f9d2c7e1b8a6f3d0e5c9b2a7d4f1e8c";

    /// <summary>The key id the client sends and the server requires.</summary>
    public string KeyId { get; init; } = ConfiguredKeyId;

    /// <summary>The secret key the client sends and the server requires.</summary>
    public string SecretKey { get; init; } = ConfiguredSecretKey;

    /// <summary>Every option as it comes.</summary>
    public static AlpacaHttpVenue Default { get; } = new();

    /// <summary>Adjusts the client's options (attempt timeout, retries) after the base URLs are set.</summary>
    public Func<AlpacaOptions, AlpacaOptions>? Client { get; init; }

    /// <summary>Adjusts the server's options (its delay, its rate limit) after the broker, clock and keys are set.</summary>
    public Func<AlpacaTestServerOptions, AlpacaTestServerOptions>? Server { get; init; }

    /// <summary>Called with every request the client is about to put on the wire (the test acting at that moment).</summary>
    public Func<HttpRequestMessage, Task>? BeforeSend { get; init; }

    async Task<IPaperConnection> IPaperVenue.ConnectAsync(PaperBroker paper, SimulatedClock clock) => await ConnectAsync(paper, clock);

    /// <summary>Starts a server over <paramref name="paper"/> and a client of it, both on <paramref name="clock"/>.</summary>
    public async Task<AlpacaHttpConnection> ConnectAsync(PaperBroker paper, SimulatedClock clock)
    {
        ArgumentNullException.ThrowIfNull(paper);
        ArgumentNullException.ThrowIfNull(clock);
        var serverOptions = new AlpacaTestServerOptions { Broker = paper, KeyId = KeyId, SecretKey = SecretKey, Clock = clock, Delay = clock };
        var server = await AlpacaTestServer.StartAsync(Server?.Invoke(serverOptions) ?? serverOptions);
        try
        {
            var url = server.BaseUrl.ToString();
            var clientOptions = AlpacaOptions.Paper with { TradingBaseUrl = url, DataBaseUrl = url };
            return new AlpacaHttpConnection(server, Client?.Invoke(clientOptions) ?? clientOptions, new AlpacaCredentials(KeyId, SecretKey), clock, BeforeSend);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }
}
