using System.Text;
using Alchemiser.Alpaca.IntegrationTests.Support;
using Alchemiser.Alpaca.TestServer.Faults;
using Alchemiser.Core.Errors;
using Alchemiser.Core.Events;
using Alchemiser.Core.Hosting;
using Alchemiser.Core.Logging;
using Alchemiser.Execution;
using static Alchemiser.Functions.Tests.Execution.Simulator.PaperAfternoon;

namespace Alchemiser.Alpaca.IntegrationTests.Faults;

/// <summary>
/// The configured key id and secret never reach a log line, an exception (message, hint, inner exceptions, text) or the
/// server's journal, whatever fails. Every test over HTTP is scanned when its connection closes; this class drives
/// every kind of fault through one Execution function and scans explicitly, and shows the scan catches a leak.
/// </summary>
[Trait("Category", "Integration")]
public sealed class SecretScanTests
{
    private const string QueueArn = "arn:aws:sqs:us-east-1:123456789012:alchemiser-dev-execution";

    [Fact]
    public async Task Through_lost_answers_429s_500s_refusals_a_failed_delivery_and_a_refused_key_no_log_exception_or_journal_entry_shows_the_keys()
    {
        await using var sim = await Afternoons.OverHttpAsync();
        var http = sim.Http();
        var function = new Function(sim.Service(), http.Log); // the services log where the client logs
        await sim.HoldAsync("SOXL", 403m, 24.75m);
        sim.Quote("SOXL", 0, 24.70m, 24.80m);
        sim.Quote("URA", 0, 36.00m, 36.20m);
        sim.Quote("BIL", 0, 91.60m, 91.70m);
        var faults = http.Server.Faults;
        faults.Enqueue(new FaultRule("GET", "/v2/orders:by_client_order_id", Fault.InternalServerError()) { Times = 2 });
        faults.Enqueue(new FaultRule("GET", "/v2/stocks/quotes/latest", Fault.TooManyRequests(TimeSpan.FromSeconds(1))) { Times = 2 });
        faults.Enqueue(new FaultRule("POST", "/v2/orders", Fault.LostResponse(LostResponseMode.GatewayTimeout))); // SOXL step 1
        faults.Enqueue(new FaultRule("PATCH", "/v2/orders/{order_id}", Fault.LostResponse(LostResponseMode.ConnectionAborted))); // SOXL step 2
        faults.Enqueue(new FaultRule("DELETE", "/v2/orders/{order_id}", Fault.LostResponse(LostResponseMode.InternalServerError))); // SOXL step 3
        faults.Enqueue(new FaultRule("POST", "/v2/orders", Fault.InsufficientBuyingPower()) { OnMatch = 3, Times = 2 }); // URA step 1, twice
        faults.Enqueue(new FaultRule("POST", "/v2/orders", Fault.PatternDayTrader()) { OnMatch = 5 }); // BIL step 1
        sim.Start();
        var body = EventBridgeEvent.Create(Plan(Sell("SOXL", 403m, 24.75m), Buy("URA", 100m, 36.10m), Buy("BIL", 20m, 91.65m)), "alchemiser.portfolio").ToJson();

        Assert.Empty(await ReceiveAsync(function, sim.Clock.UtcNow, "m-1", body, receiveCount: 1));
        Assert.Equal(0, faults.Pending);
        Assert.Equal(EventTypes.WorkflowFailed, sim.Events.Published[^1].EventType); // URA and BIL refused

        // The queue delivers the plan again on its last receive and Alpaca fails the account read for good.
        faults.Enqueue(new FaultRule("GET", "/v2/account", Fault.InternalServerError()) { Times = 1 + AlpacaOptions.Paper.MaxReadRetries });
        sim.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(["m-1"], await ReceiveAsync(function, sim.Clock.UtcNow, "m-1", body, receiveCount: 3));
        Assert.Equal(0, faults.Pending);

        // A client of the same account whose secret is wrong.
        const string WrongSecret = "itg-wrong-9c1e7b3d5f2a8e6c0d4b";
        using var refusedClient = new AlpacaClient(
            http.Client.Options, new AlpacaCredentials(AlpacaHttpVenue.ConfiguredKeyId, WrongSecret), clock: sim.Clock, delay: sim.Clock, log: http.Log);
        var refused = await Assert.ThrowsAsync<AlpacaApiException>(() => refusedClient.GetAccountAsync());
        Assert.Equal((401, ErrorCategory.Configuration), (refused.StatusCode, refused.Category));

        // What was scanned: the client's and the function's lines about every fault, and the exceptions behind them.
        var lines = http.Logs.Lines;
        Assert.Contains(lines, l => l.Contains("Alpaca request failed; retrying", StringComparison.Ordinal) && l.Contains("\"status\":429", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Alpaca request failed; retrying", StringComparison.Ordinal) && l.Contains("\"status\":500", StringComparison.Ordinal));
        Assert.Equal(2, http.LinesSaying("Alpaca order adopted after a lost answer").Count);
        Assert.Single(http.LinesSaying("Alpaca order not cancelable; left as it is"));
        var error = Assert.Single(http.LinesSaying("execution failed on the message's last receive; the queue moves it to the ExecutionDLQ"));
        Assert.Contains("Alchemiser.Alpaca.AlpacaApiException: Alpaca GET /v2/account failed: HTTP 500", error, StringComparison.Ordinal);
        var thrown = SecretScan.ExceptionsSince(http.ExceptionsFrom).Select(x => x.Text).ToList();
        Assert.Contains(thrown, t => t.StartsWith("Alchemiser.Core.Brokerage.OrderRejectedException: Alpaca refused order", StringComparison.Ordinal));
        Assert.Contains(thrown, t => t.StartsWith("Alchemiser.Alpaca.AlpacaApiException: Alpaca GET /v2/orders:by_client_order_id failed: HTTP 500", StringComparison.Ordinal));
        Assert.Contains(thrown, t => t.StartsWith("Alchemiser.Alpaca.AlpacaApiException: Alpaca PATCH /v2/orders/", StringComparison.Ordinal) && t.Contains("no response", StringComparison.Ordinal));

        var texts = SecretScan.TextsOf(http.Logs, http.Server.Journal)
            .Concat(SecretScan.ExceptionsSince(http.ExceptionsFrom))
            .Concat(SecretScan.TextsOf(refused).Select(t => ("the refused key's exception", t)))
            .ToList();
        Assert.True(texts.Count > 500, $"only {texts.Count} texts were scanned");
        Assert.Empty(SecretScan.Leaks(texts, AlpacaHttpVenue.ConfiguredKeyId, AlpacaHttpVenue.ConfiguredSecretKey, WrongSecret));
    }

    [Fact]
    public async Task The_scan_finds_a_key_in_a_log_line_an_inner_exception_and_a_request_and_fails_the_test_that_leaked_it()
    {
        // Keys of this test only: the leaks below must not trip the scans of tests running beside it.
        var venue = new AlpacaHttpVenue { KeyId = "PKLEAKCONTROL" + Guid.NewGuid().ToString("N")[..8], SecretKey = "leak-control-" + Guid.NewGuid().ToString("N") };
        var sim = await Afternoons.OverHttpAsync(venue);
        Exception? closing;
        try
        {
            var http = sim.Http();
            http.Log.Warn("a careless line", ("secret", venue.SecretKey));
            try
            {
                throw new AlpacaApiException("GET", "/v2/account", 500, null, "failed", ErrorCategory.Trading, inner: new InvalidOperationException("key " + venue.KeyId));
            }
            catch (AlpacaApiException)
            {
                // Handled: the scan still sees it, as it was thrown.
            }

            Assert.Null(await http.Client.GetAssetAsync(venue.KeyId)); // a key sent in a path
            await http.JournalAsync();

            var leaks = http.Leaks();
            Assert.Contains("a log line holds secret #2", leaks);
            Assert.Contains("an exception holds secret #1", leaks);
            Assert.Contains(leaks, l => l.StartsWith("journal entry", StringComparison.Ordinal) && l.EndsWith("shows the server blanked a key the client sent outside its headers", StringComparison.Ordinal));
        }
        finally
        {
            closing = await Record.ExceptionAsync(() => sim.DisposeAsync().AsTask());
        }

        var failure = Assert.IsType<Xunit.Sdk.XunitException>(closing);
        Assert.StartsWith("the Alpaca key id or secret leaked into: ", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(venue.SecretKey, failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(venue.KeyId, failure.Message, StringComparison.Ordinal);
    }

    private static async Task<IReadOnlyList<string>> ReceiveAsync(Function function, DateTimeOffset now, string messageId, string body, int receiveCount)
    {
        var message = SqsMessage.Create(messageId, body, QueueArn, receiveCount, Open, now, "AIDAEXAMPLESENDER");
        using var input = new MemoryStream(Encoding.UTF8.GetBytes(new SqsBatch([message]).ToJson()));
        using var output = await function.HandleAsync(input);
        using var reader = new StreamReader(output);
        return SqsBatchResponse.FromJson(await reader.ReadToEndAsync()).FailedMessageIds;
    }
}
