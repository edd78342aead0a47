using Alchemiser.Alpaca.TestServer;
using Alchemiser.Alpaca.TestServer.Journal;
using Alchemiser.Core.Brokerage;
using Alchemiser.Core.Logging;
using Alchemiser.Functions.Tests.Support;
using Alchemiser.Local.Time;

namespace Alchemiser.Alpaca.IntegrationTests.Support;

/// <summary>
/// One scenario's way to its paper broker over HTTP (see <see cref="AlpacaHttpVenue"/>): the running
/// <see cref="Server"/> (faults, journal), the <see cref="Client"/> the services use, and the log both the client and
/// the services write to (<see cref="Log"/> into <see cref="Logs"/>; it masks nothing, so a leaked key would show).
/// Disposing stops the server and then scans everything the scenario produced for the keys (see <see cref="SecretScan"/>):
/// a leak fails the test that used the connection.
/// </summary>
public sealed class AlpacaHttpConnection : IPaperConnection
{
    private readonly HttpMessageHandler _handler;
    private readonly AlpacaCredentials _credentials;
    private int _disposed;

    internal AlpacaHttpConnection(
        AlpacaTestServer server, AlpacaOptions options, AlpacaCredentials credentials, SimulatedClock clock, Func<HttpRequestMessage, Task>? beforeSend)
    {
        ExceptionsFrom = SecretScan.Start();
        _credentials = credentials;
        Server = server;
        Log = new JsonLinesLog(Logs, secrets: null, clock);
        _handler = new WireHandler(beforeSend);
        Client = new AlpacaClient(options, credentials, _handler, clock, clock, Log);
    }

    public AlpacaTestServer Server { get; }

    /// <summary>Where the record of thrown exceptions stood when the connection opened.</summary>
    public SecretScan.Mark ExceptionsFrom { get; }

    public AlpacaClient Client { get; }

    /// <summary>Every line the client (and any service given <see cref="Log"/>) wrote.</summary>
    public InMemoryLogSink Logs { get; } = new();

    public IAlchemiserLog Log { get; }

    public IBroker Broker => Client;

    public string OrderIdOf(string paperOrderId) => Server.AlpacaOrderIdOf(paperOrderId);

    public string PaperOrderIdOf(string orderId) =>
        Server.BrokerOrderIdOf(orderId) ?? throw new Xunit.Sdk.XunitException($"the server never handed out order id {orderId}");

    /// <summary>The log lines whose message is exactly <paramref name="message"/>.</summary>
    public IReadOnlyList<string> LinesSaying(string message) =>
        Logs.Lines.Where(l => l.Contains($"\"message\":\"{message}\"", StringComparison.Ordinal)).ToList();

    /// <summary>
    /// The server's journal once it holds every request the client sent but <paramref name="unanswered"/> (the server
    /// journals a request just after its answer goes out, so the client can be a step ahead). Fails after 10 s.
    /// </summary>
    public async Task<IReadOnlyList<JournalEntry>> JournalAsync(int unanswered = 0)
    {
        var expected = Client.Budget.RequestsSent - unanswered;
        for (var wait = 0; wait < 1_000; wait++)
        {
            var entries = Server.Journal.Entries;
            if (entries.Count >= expected)
            {
                Assert.Equal(expected, entries.Count);
                return entries;
            }

            await Task.Delay(10);
        }

        throw new Xunit.Sdk.XunitException($"the server journaled {Server.Journal.Entries.Count} requests; the client sent {Client.Budget.RequestsSent}, {unanswered} of them unanswered");
    }

    /// <summary>Where the configured key id or secret appears in the logs, the server journal or any exception thrown since the connection opened.</summary>
    public IReadOnlyList<string> Leaks() =>
        SecretScan.Leaks(SecretScan.TextsOf(Logs, Server.Journal).Concat(SecretScan.ExceptionsSince(ExceptionsFrom)), _credentials.KeyId, _credentials.SecretKey);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        Client.Dispose();
        _handler.Dispose();
        await Server.DisposeAsync();
        var leaks = Leaks();
        if (leaks.Count > 0)
        {
            throw new Xunit.Sdk.XunitException("the Alpaca key id or secret leaked into: " + string.Join("; ", leaks));
        }
    }

    /// <summary>The client's way onto the wire: a plain socket handler, with the test's hook first when it has one.</summary>
    private sealed class WireHandler(Func<HttpRequestMessage, Task>? beforeSend) : DelegatingHandler(new SocketsHttpHandler())
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (beforeSend is not null)
            {
                await beforeSend(request);
            }

            return await base.SendAsync(request, cancellationToken);
        }
    }
}
