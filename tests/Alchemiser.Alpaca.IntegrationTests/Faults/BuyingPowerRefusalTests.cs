using Alchemiser.Alpaca.IntegrationTests.Support;
using Alchemiser.Alpaca.TestServer.Faults;
using Alchemiser.Core.Brokerage;
using Alchemiser.Core.Events;
using Alchemiser.Functions.Tests.Execution.Simulator;
using static Alchemiser.Functions.Tests.Execution.Simulator.PaperAfternoon;

namespace Alchemiser.Alpaca.IntegrationTests.Faults;

/// <summary>
/// Alpaca answers a buy with 403 <c>40310000</c> (insufficient buying power): execution cuts the buy to what the
/// buying power it reads again pays, sends it once more, and reports what is left as a failed order — it never keeps
/// sending the order.
/// </summary>
[Trait("Category", "Integration")]
public sealed class BuyingPowerRefusalTests
{
    [Fact]
    public async Task A_buy_refused_because_another_order_spent_the_cash_is_cut_to_what_is_left_sent_once_more_and_the_shortfall_reported()
    {
        PaperAfternoon? afternoon = null;
        var spent = false;
        var venue = new AlpacaHttpVenue
        {
            // Just as URA's first order goes out, an order placed elsewhere on the account takes 6 000 of its 10 000.
            BeforeSend = async request =>
            {
                if (!spent && afternoon is not null && request.Method == HttpMethod.Post
                    && (await request.Content!.ReadAsStringAsync()).Contains(Id("URA", "buy", "1"), StringComparison.Ordinal))
                {
                    spent = true;
                    await afternoon.Paper.SubmitOrderAsync(OrderRequest.Market("elsewhere-BIL", "BIL", OrderSide.Buy, 150m));
                }
            },
        };
        await using var sim = afternoon = await Afternoons.OverHttpAsync(venue, initialCash: 10_000m);
        var http = sim.Http();
        sim.Quote("BIL", 0, 39.99m, 40.00m);
        sim.Quote("URA", 0, 36.00m, 36.20m);
        sim.Quote("URA", 3, 36.00m, 36.10m); // offered at step 1's 36.10

        // 200 × 36.20 = 7 240 fits 10 000 × 0.995 when the buys are funded; at the POST only 4 000 is left:
        // 4 000 × 0.995 / 36.10 pays 110 shares.
        await sim.RunAsync(Plan(10_000m, Buy("URA", 200m, 36.10m)));

        Assert.True(spent);
        var posts = http.Server.Journal.About(Id("URA", "buy", "1")).Where(e => e.Method == "POST").ToList();
        Assert.Equal([(403, "\"qty\":\"200\""), (200, "\"qty\":\"110\"")], posts.Select(p => (p.StatusCode, Qty(p.RequestBody))));
        Assert.Contains("40310000", posts[0].ResponseBody, StringComparison.Ordinal);
        Assert.Equal(2, http.Server.Journal.Count("POST", "/v2/orders"));
        Assert.Equal(
            [("submit", "1", (RejectionReason?)RejectionReason.InsufficientBuyingPower), ("submit", "1", null)],
            sim.Broker.Calls.Select(c => (c.Kind, StepOf(c.ClientOrderId), c.Refusal)));

        var order = Assert.Single(await sim.OrdersAsync());
        Assert.Equal((110m, OrderStatus.Filled, (decimal?)36.10m), (order.Quantity, order.Status, order.FilledAveragePrice));
        Assert.Equal(110m, await sim.PositionAsync("URA"));
        await sim.AssertLedgerAgreesWithBrokerAsync();
        var report = sim.PublishedReport();
        Assert.Equal(new OrderFailure("URA", "buy", 90m, "trading", "insufficient buying power"), Assert.Single(report.FailedOrders));
        Assert.Equal((1, 0, 1), (report.OrdersPlaced, report.OrdersFilled, report.OrdersFailed));
        var failed = sim.Events.OfType(EventTypes.WorkflowFailed).Single().PayloadAs<WorkflowFailed>();
        Assert.Equal("1 of 1 trades did not fully execute: URA buy 90 unfilled (insufficient buying power)", failed.Reason);
    }

    [Fact]
    public async Task Buys_refused_on_every_submission_are_sent_twice_each_then_reported_failed_with_alpacas_message_and_nothing_is_placed()
    {
        await using var sim = await Afternoons.OverHttpAsync();
        var http = sim.Http();
        sim.Quote("URA", 0, 36.00m, 36.20m);
        sim.Quote("CCJ", 0, 73.00m, 73.10m);
        http.Server.Faults.Enqueue(new FaultRule("POST", "/v2/orders", Fault.InsufficientBuyingPower()) { Times = 1_000 });

        await sim.RunAsync(Plan(Buy("URA", 100.5m, 36.10m), Buy("CCJ", 20m, 73.05m)));

        // Three orders (URA's whole shares and fraction, CCJ's whole shares), each sent, refused, sent again after
        // buying power was read again, refused again, and given up.
        var posts = http.Server.Journal.Matching("POST", "/v2/orders");
        Assert.Equal(6, posts.Count);
        Assert.All(posts, p => Assert.Equal((403, (int?)null), (p.StatusCode, p.ServedStatusCode)));
        foreach (var id in new[] { Id("URA", "buy", "1"), Id("URA", "buy", "f"), Id("CCJ", "buy", "1") })
        {
            var about = http.Server.Journal.About(id);
            Assert.Equal(2, about.Count(e => e.Method == "POST"));
            var first = about.First(e => e.Method == "POST");
            var second = about.Last(e => e.Method == "POST");
            Assert.Contains(
                http.Server.Journal.Entries,
                e => e.Sequence > first.Sequence && e.Sequence < second.Sequence && e.Method == "GET" && e.Path == "/v2/account");
        }

        Assert.Empty(await sim.OrdersAsync());
        Assert.Empty(await sim.LedgerAsync());
        var report = sim.PublishedReport();
        Assert.Equal((0, 0, 2), (report.OrdersPlaced, report.OrdersFilled, report.OrdersFailed));
        Assert.Equal([("URA", 100.5m), ("CCJ", 20m)], report.FailedOrders.Select(f => (f.Symbol, f.UnfilledQuantity)));
        Assert.All(report.FailedOrders, f => Assert.Contains("insufficient buying power", f.Reason, StringComparison.Ordinal));
        Assert.Equal(EventTypes.WorkflowFailed, sim.Events.Published[^1].EventType);
    }

    private static string Qty(string body)
    {
        var start = body.IndexOf("\"qty\":", StringComparison.Ordinal);
        return start < 0 ? body : body[start..(body.IndexOf(',', start))];
    }
}
