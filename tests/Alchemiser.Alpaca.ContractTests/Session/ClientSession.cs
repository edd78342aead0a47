using Alchemiser.Alpaca.TestServer;
using Alchemiser.Alpaca.TestServer.Journal;
using Alchemiser.Core.MarketData;
using Alchemiser.Local.Brokerage;
using Alchemiser.Local.MarketData;
using Alchemiser.Local.Time;
using Microsoft.Data.Sqlite;

namespace Alchemiser.Alpaca.ContractTests.Session;

/// <summary>
/// A run of the real <see cref="AlpacaClient"/> through every public call (<see cref="ClientScript"/>) against a
/// local <see cref="AlpacaTestServer"/> on 127.0.0.1 over a paper broker on a simulated clock standing at 15:30 New
/// York on Monday 2025-06-30, market open. What it leaves is the server's journal of every request and response,
/// each with the API the client sent it to, and the client methods the script drove. The server is stopped (and its
/// in-flight requests finished) before the journal is read; the broker's folder is deleted.
/// </summary>
public sealed class ClientSession
{
    public const string KeyId = "PKCONTRACTKEY5Q";

    public const string SecretKey = "contract-secret-4b7e1d09c2";

    /// <summary>Bars per page the server gives, whatever the client asks for: small, so the client's bars come in several pages.</summary>
    public const int BarsPageSize = 7;

    public static readonly DateOnly TradingDate = new(2025, 6, 30);

    private ClientSession(IReadOnlyList<SentRequest> sent, IReadOnlyList<JournalEntry> journal, IReadOnlySet<string> methodsDriven)
    {
        Sent = sent;
        Journal = journal;
        MethodsDriven = methodsDriven;
        Exchanges = [.. journal.Zip(sent, (entry, request) => new RecordedExchange(request.Api, entry))];
    }

    /// <summary>Every request as the client sent it (through <see cref="ApiRouter"/>), in order.</summary>
    public IReadOnlyList<SentRequest> Sent { get; }

    /// <summary>The server's journal, in order of arrival.</summary>
    public IReadOnlyList<JournalEntry> Journal { get; }

    /// <summary>The journal paired in order with what the client sent (requests are sent one at a time).</summary>
    public IReadOnlyList<RecordedExchange> Exchanges { get; }

    /// <summary>The names of the <see cref="AlpacaClient"/> methods the script called.</summary>
    public IReadOnlySet<string> MethodsDriven { get; }

    /// <summary>Runs the script once and returns what it left.</summary>
    public static async Task<ClientSession> RunAsync()
    {
        var folder = Directory.CreateTempSubdirectory("alchemiser-alpaca-contract-").FullName;
        try
        {
            var clock = SimulatedClock.At(TradingDate, new TimeOnly(15, 30));
            var market = new ScriptedMarketModel();
            var bars = new InMemoryBarStore();
            ClientScript.Prepare(market, bars, clock.UtcNow);
            var broker = new PaperBroker(Path.Combine(folder, "paper.db"), market, clock, new PaperBrokerOptions { InitialCash = 100_000m });
            var server = await AlpacaTestServer.StartAsync(new AlpacaTestServerOptions
            {
                Broker = broker,
                Bars = bars,
                KeyId = KeyId,
                SecretKey = SecretKey,
                Clock = clock,
                Delay = clock,
                BarsPageSize = BarsPageSize,
            });

            IReadOnlyList<SentRequest> sent;
            var driven = new SortedSet<string>(StringComparer.Ordinal);
            try
            {
                using var router = new ApiRouter(server.BaseUrl);
                var options = AlpacaOptions.Paper with { TradingBaseUrl = ApiRouter.TradingBaseUrl, DataBaseUrl = ApiRouter.DataBaseUrl };
                using var client = new AlpacaClient(options, new AlpacaCredentials(KeyId, SecretKey), router, clock, clock);
                await new ClientScript(client, clock, server.Faults, driven).RunAsync();
                sent = router.Sent;
            }
            finally
            {
                await server.DisposeAsync();
            }

            return new ClientSession(sent, server.Journal.Entries, driven);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Daily bars for the first <paramref name="count"/> weekdays of June 2025, distinct per symbol.</summary>
    internal static IReadOnlyList<DailyBar> Bars(decimal basePrice, int count)
    {
        var bars = new List<DailyBar>();
        for (var date = new DateOnly(2025, 6, 2); bars.Count < count; date = date.AddDays(1))
        {
            if (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                continue;
            }

            var close = basePrice + bars.Count;
            bars.Add(new DailyBar(date, close - 0.5m, close + 1m, close - 1m, close, 1_000_000 + (bars.Count * 1000)));
        }

        return bars;
    }
}
