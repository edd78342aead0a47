using Alchemiser.Alpaca.IntegrationTests.Support;
using Alchemiser.Alpaca.TestServer.Faults;
using Alchemiser.Core.Brokerage;
using Alchemiser.Core.Events;
using Alchemiser.Core.Time;
using static Alchemiser.Functions.Tests.Execution.Simulator.PaperAfternoon;

namespace Alchemiser.Alpaca.IntegrationTests.Faults;

/// <summary>
/// Reads that fail for a while — no answer within the client's attempt timeout, or 5xx — are retried with backoff and
/// the run completes as if nothing had happened: a sell walked through the spread and sold at market.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ReadRetryTests
{
    private const string Retrying = "Alpaca request failed; retrying";

    [Fact]
    public async Task Order_polls_answered_later_than_the_attempt_timeout_are_abandoned_retried_and_the_sell_completes()
    {
        // The server sleeps for real (the client's attempt timeout is wall-clock time); the rest stays simulated.
        var venue = new AlpacaHttpVenue
        {
            Client = o => o with { AttemptTimeout = TimeSpan.FromMilliseconds(250) },
            Server = o => o with { Delay = SystemDelay.Instance },
        };
        await using var sim = await Afternoons.OverHttpAsync(venue);
        var http = sim.Http();
        await sim.HoldAsync("SOXL", 403m, 24.75m);
        sim.Quote("SOXL", 0, 24.70m, 24.80m);
        http.Server.Faults.Enqueue(new FaultRule("GET", "/v2/orders/{order_id}", Fault.Delay(TimeSpan.FromMinutes(5))) { Times = 2 });

        await sim.RunAsync(Plan(Sell("SOXL", 403m, 24.75m)));

        var retries = http.LinesSaying(Retrying);
        Assert.Equal(2, retries.Count);
        Assert.All(retries, line =>
        {
            Assert.Contains("\"method\":\"GET\",\"path\":\"/v2/orders/", line, StringComparison.Ordinal);
            Assert.Contains("\"status\":0", line, StringComparison.Ordinal);
            Assert.Contains("no answer within 0.25 s", line, StringComparison.Ordinal);
        });
        await http.JournalAsync(unanswered: 2); // every request sent reached the server; the two abandoned polls are still being slept on
        Assert.Equal(0, http.Server.Faults.Pending);

        Assert.Equal(["1", "2", "3", "m"], (await sim.OrdersAsync()).Select(StepOf));
        Assert.Equal(0m, await sim.PositionAsync("SOXL"));
        var row = Assert.Single(await sim.LedgerAsync());
        Assert.Equal((Id("SOXL", "sell", "m"), 403m, 24.70m), (row.ClientOrderId, row.Quantity, row.Price));
        await sim.AssertLedgerAgreesWithBrokerAsync();
        Assert.Equal(EventTypes.WorkflowCompleted, sim.Events.Published[^1].EventType);
    }

    [Fact]
    public async Task Lookups_and_quotes_answered_500_are_retried_after_waiting_and_the_sell_completes()
    {
        await using var sim = await Afternoons.OverHttpAsync();
        var http = sim.Http();
        await sim.HoldAsync("SOXL", 403m, 24.75m);
        sim.Quote("SOXL", 0, 24.70m, 24.80m);
        http.Server.Faults.Enqueue(new FaultRule("GET", "/v2/orders:by_client_order_id", Fault.InternalServerError()) { Times = 3 });
        http.Server.Faults.Enqueue(new FaultRule("GET", "/v2/stocks/quotes/latest", Fault.InternalServerError()) { Times = 2 });

        await sim.RunAsync(Plan(Sell("SOXL", 403m, 24.75m)));

        // The first lookup (of step 1's client order id): three 500s, then the answer; each attempt later on the clock than the last.
        var lookups = http.Server.Journal.About(Id("SOXL", "sell", "1")).Take(4).ToList();
        Assert.Equal([500, 500, 500, 404], lookups.Select(e => e.StatusCode));
        Assert.Single(lookups.Select(e => e.Query).Distinct());
        Assert.All(lookups.Zip(lookups.Skip(1)), pair => Assert.True(pair.Second.ReceivedAt > pair.First.ReceivedAt, "the retry waited before going again"));
        var quotes = http.Server.Journal.Matching("GET", "/v2/stocks/quotes/latest").Take(3).ToList();
        Assert.Equal([500, 500, 200], quotes.Select(e => e.StatusCode));
        Assert.True(quotes[2].ReceivedAt > quotes[1].ReceivedAt && quotes[1].ReceivedAt > quotes[0].ReceivedAt, "the quote retries waited");
        var retries = http.LinesSaying(Retrying);
        Assert.Equal(5, retries.Count);
        Assert.All(retries, line => Assert.Contains("\"status\":500,\"alpaca_code\":50010000,\"alpaca_message\":\"internal server error\"", line, StringComparison.Ordinal));

        Assert.Equal(
            [("1", OrderStatus.Replaced), ("2", OrderStatus.Replaced), ("3", OrderStatus.Canceled), ("m", OrderStatus.Filled)],
            (await sim.OrdersAsync()).Select(o => (StepOf(o), o.Status)));
        Assert.Equal(0m, await sim.PositionAsync("SOXL"));
        await sim.AssertLedgerAgreesWithBrokerAsync();
        Assert.Equal(EventTypes.WorkflowCompleted, sim.Events.Published[^1].EventType);
    }
}
