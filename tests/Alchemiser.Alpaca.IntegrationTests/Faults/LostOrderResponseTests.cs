using Alchemiser.Alpaca.IntegrationTests.Support;
using Alchemiser.Alpaca.TestServer.Faults;
using Alchemiser.Core.Brokerage;
using Alchemiser.Core.Events;
using Alchemiser.Core.Time;
using static Alchemiser.Functions.Tests.Execution.Simulator.PaperAfternoon;

namespace Alchemiser.Alpaca.IntegrationTests.Faults;

/// <summary>
/// The server acts on an order write but the client never sees the answer (a 500, a gateway's 504, a reset connection).
/// The client must not place the order again blindly: it looks the order up by its client order id and adopts it, so
/// exactly one order exists afterwards and the ledger has one row for it.
/// </summary>
[Trait("Category", "Integration")]
public sealed class LostOrderResponseTests
{
    private const string ByClientOrderId = "/v2/orders:by_client_order_id";

    [Theory]
    [InlineData(LostResponseMode.InternalServerError, 500)]
    [InlineData(LostResponseMode.GatewayTimeout, 504)]
    [InlineData(LostResponseMode.ConnectionAborted, 0)]
    public async Task A_buy_whose_order_response_is_lost_is_adopted_by_client_order_id_and_exactly_one_order_and_one_ledger_row_exist(
        LostResponseMode mode, int seen)
    {
        await using var sim = await Afternoons.OverHttpAsync();
        var http = sim.Http();
        sim.Quote("URA", 0, 36.00m, 36.20m);
        sim.Quote("URA", 3, 36.00m, 36.10m); // offered at step 1's 36.10
        http.Server.Faults.Enqueue(new FaultRule("POST", "/v2/orders", Fault.LostResponse(mode)));

        await sim.RunAsync(Plan(Buy("URA", 100m, 36.10m)));

        var step1 = Id("URA", "buy", "1");
        var order = Assert.Single(await sim.OrdersAsync());
        Assert.Equal((step1, OrderStatus.Filled, 100m, (decimal?)36.10m), (order.ClientOrderId, order.Status, order.FilledQuantity, order.FilledAveragePrice));
        var row = Assert.Single(await sim.LedgerAsync());
        Assert.Equal((order.Id, step1, 100m, 36.10m), (row.FillId, row.ClientOrderId, row.Quantity, row.Price));
        await sim.AssertLedgerAgreesWithBrokerAsync();

        // Looked up before placing (nothing), placed once — served, its answer lost —, then looked up again and adopted.
        Assert.Equal(
            [("GET", ByClientOrderId, 404), ("GET", ByClientOrderId, 404), ("POST", "/v2/orders", seen), ("GET", ByClientOrderId, 200)],
            http.Server.Journal.About(step1).Select(e => e.Shape()));
        var post = Assert.Single(http.Server.Journal.Matching("POST", "/v2/orders"));
        Assert.Equal(200, post.ServedStatusCode);
        Assert.StartsWith("lost response", post.Fault, StringComparison.Ordinal);
        Assert.Single(http.LinesSaying("Alpaca order adopted after a lost answer"));
        Assert.Equal([("submit", "1", (RejectionReason?)null)], sim.Broker.Calls.Select(c => (c.Kind, StepOf(c.ClientOrderId), c.Refusal)));

        var report = sim.PublishedReport();
        Assert.Equal((1, 1, 0), (report.OrdersPlaced, report.OrdersFilled, report.OrdersFailed));
        Assert.Equal((order.Id, 100m), (Assert.Single(report.Fills).OrderId, report.Fills[0].Quantity));
        Assert.Equal(EventTypes.WorkflowCompleted, sim.Events.Published[^1].EventType);
    }

    [Fact]
    public async Task A_buy_whose_order_is_served_only_after_the_client_gave_up_is_sent_once_more_and_the_late_one_refused_as_a_duplicate()
    {
        // The server sleeps for real before placing the order (the attempt timeout is wall-clock time); the rest stays simulated.
        var venue = new AlpacaHttpVenue
        {
            Client = o => o with { AttemptTimeout = TimeSpan.FromMilliseconds(200) },
            Server = o => o with { Delay = SystemDelay.Instance },
        };
        await using var sim = await Afternoons.OverHttpAsync(venue);
        var http = sim.Http();
        sim.Quote("URA", 0, 36.00m, 36.20m);
        sim.Quote("URA", 3, 36.00m, 36.10m);
        var step1 = Id("URA", "buy", "1");
        http.Server.Faults.Enqueue(new FaultRule("POST", "/v2/orders", Fault.Delay(TimeSpan.FromSeconds(2))));

        await sim.RunAsync(Plan(Buy("URA", 100m, 36.10m)));
        var journal = await http.JournalAsync(); // waits for the late POST, answered to nobody

        // No answer in time; Alpaca had no such order yet; sent again and placed; the first then arrives at the broker and is refused.
        Assert.Single(http.LinesSaying("Alpaca confirms it has no such order; sending it again"));
        var posts = journal.Where(e => e.Method == "POST").ToList();
        Assert.Equal([(200, (string?)null), (422, "delay 2000 ms")], posts.Select(p => (p.StatusCode, p.Fault)).OrderBy(p => p.StatusCode));
        Assert.Contains("client_order_id must be unique", posts.Single(p => p.StatusCode == 422).ResponseBody, StringComparison.Ordinal);
        var order = Assert.Single(await sim.OrdersAsync());
        Assert.Equal((step1, OrderStatus.Filled, 100m), (order.ClientOrderId, order.Status, order.FilledQuantity));
        Assert.Single(await sim.LedgerAsync());
        await sim.AssertLedgerAgreesWithBrokerAsync();
        Assert.Equal(EventTypes.WorkflowCompleted, sim.Events.Published[^1].EventType);
    }

    [Fact]
    public async Task When_the_lookup_after_a_lost_order_response_fails_too_the_delivery_fails_unknown_and_the_redelivery_adopts_the_one_order()
    {
        await using var sim = await Afternoons.OverHttpAsync();
        var http = sim.Http();
        sim.Quote("URA", 0, 36.00m, 36.20m);
        sim.Quote("URA", 3, 36.00m, 36.10m); // offered at step 1's 36.10
        var step1 = Id("URA", "buy", "1");
        http.Server.Faults.Enqueue(new FaultRule("POST", "/v2/orders", Fault.LostResponse(LostResponseMode.GatewayTimeout)));
        // The two lookups before the POST go through; every attempt of the one after it fails.
        http.Server.Faults.Enqueue(new FaultRule("GET", ByClientOrderId, Fault.InternalServerError())
        {
            OnMatch = 5, // the resume looks up steps 1, m and f, then the submission step 1 again: the 5th lookup follows the POST
            Times = 1 + AlpacaOptions.Paper.MaxReadRetries,
        });
        sim.Start();

        var unknown = await Assert.ThrowsAsync<AlpacaApiException>(() => sim.Service().HandleAsync(Plan(Buy("URA", 100m, 36.10m))));

        Assert.True(unknown.IsOutcomeUnknown);
        Assert.Contains(step1, unknown.Message, StringComparison.Ordinal);
        Assert.Empty(sim.Events.Published);
        Assert.Empty(await sim.LedgerAsync());
        Assert.Equal(0, http.Server.Faults.Pending);
        var placed = Assert.Single(await sim.OrdersAsync()); // the order Alpaca took, unknown to execution

        sim.Clock.Advance(TimeSpan.FromMinutes(1)); // the message is delivered again
        await sim.RunAsync(Plan(Buy("URA", 100m, 36.10m)));

        var order = Assert.Single(await sim.OrdersAsync());
        Assert.Equal((placed.Id, step1, OrderStatus.Filled, 100m), (order.Id, order.ClientOrderId, order.Status, order.FilledQuantity));
        Assert.Single(http.Server.Journal.Matching("POST", "/v2/orders"));
        var row = Assert.Single(await sim.LedgerAsync());
        Assert.Equal((order.Id, 100m, 36.10m), (row.FillId, row.Quantity, row.Price));
        await sim.AssertLedgerAgreesWithBrokerAsync();
        Assert.Equal(EventTypes.WorkflowCompleted, sim.Events.Published[^1].EventType);
    }

    [Fact]
    public async Task A_replace_whose_response_is_lost_is_adopted_by_the_replacements_client_order_id_and_fills_once_at_step_two()
    {
        await using var sim = await Afternoons.OverHttpAsync();
        var http = sim.Http();
        sim.Quote("URA", 0, 36.00m, 36.20m);
        sim.Quote("URA", 12, 36.00m, 36.15m); // step 2 went out at 10 s at 36.15
        http.Server.Faults.Enqueue(new FaultRule("PATCH", "/v2/orders/{order_id}", Fault.LostResponse(LostResponseMode.ConnectionAborted)));

        await sim.RunAsync(Plan(Buy("URA", 100m, 36.10m)));

        var orders = await sim.OrdersAsync();
        Assert.Equal(
            [("1", OrderStatus.Replaced, 0m), ("2", OrderStatus.Filled, 100m)],
            orders.Select(o => (StepOf(o), o.Status, o.FilledQuantity)));
        Assert.Equal(orders[1].Id, orders[0].ReplacedBy);
        var step2 = Id("URA", "buy", "2");
        Assert.Equal(
            [("GET", ByClientOrderId, 404), ("PATCH", "/v2/orders/{order_id}", 0), ("GET", ByClientOrderId, 200)],
            http.Server.Journal.About(step2).Select(e => e.Shape()));
        Assert.Single(http.Server.Journal.Matching("PATCH", "/v2/orders/{order_id}"));
        var row = Assert.Single(await sim.LedgerAsync());
        Assert.Equal((orders[1].Id, step2, 100m, 36.15m), (row.FillId, row.ClientOrderId, row.Quantity, row.Price));
        await sim.AssertLedgerAgreesWithBrokerAsync();
        Assert.Equal(EventTypes.WorkflowCompleted, sim.Events.Published[^1].EventType);
    }

    [Fact]
    public async Task A_cancel_whose_response_is_lost_is_sent_again_harmlessly_and_the_market_order_goes_out_once()
    {
        await using var sim = await Afternoons.OverHttpAsync();
        var http = sim.Http();
        await sim.HoldAsync("SOXL", 403m, 24.75m);
        sim.Quote("SOXL", 0, 24.70m, 24.80m); // never bid at a limit: the market step cancels step 3 and sells at the bid
        http.Server.Faults.Enqueue(new FaultRule("DELETE", "/v2/orders/{order_id}", Fault.LostResponse(LostResponseMode.InternalServerError)));

        await sim.RunAsync(Plan(Sell("SOXL", 403m, 24.75m)));

        var orders = await sim.OrdersAsync();
        Assert.Equal(
            [("1", OrderStatus.Replaced), ("2", OrderStatus.Replaced), ("3", OrderStatus.Canceled), ("m", OrderStatus.Filled)],
            orders.Select(o => (StepOf(o), o.Status)));
        var deletes = http.Server.Journal.Matching("DELETE", "/v2/orders/{order_id}");
        Assert.Equal([(500, (int?)204), (422, (int?)422)], deletes.Select(d => (d.StatusCode, d.ServedStatusCode)));
        Assert.Single(http.LinesSaying("Alpaca order not cancelable; left as it is"));
        Assert.Single(http.Server.Journal.About(Id("SOXL", "sell", "m")), e => e.Method == "POST");
        Assert.Equal(0m, await sim.PositionAsync("SOXL"));
        var row = Assert.Single(await sim.LedgerAsync());
        Assert.Equal((orders[3].Id, 403m, 24.70m), (row.FillId, row.Quantity, row.Price));
        await sim.AssertLedgerAgreesWithBrokerAsync();
        Assert.Equal(EventTypes.WorkflowCompleted, sim.Events.Published[^1].EventType);
    }
}
