using Alchemiser.Alpaca.IntegrationTests.Support;
using Alchemiser.Alpaca.TestServer.Faults;
using Alchemiser.Core.Brokerage;
using Alchemiser.Core.Events;
using static Alchemiser.Functions.Tests.Execution.Simulator.PaperAfternoon;

namespace Alchemiser.Alpaca.IntegrationTests.Faults;

/// <summary>
/// Alpaca refuses every order with 403 <c>40310100</c> (pattern-day-trading protection): retrying today cannot help, so
/// each order is sent once and the trades are reported failed with Alpaca's own message.
/// </summary>
[Trait("Category", "Integration")]
public sealed class PatternDayTraderTests
{
    [Fact]
    public async Task Orders_refused_under_pattern_day_trading_protection_are_sent_once_and_reported_failed_with_alpacas_message()
    {
        await using var sim = await Afternoons.OverHttpAsync();
        var http = sim.Http();
        await sim.HoldAsync("SOXL", 403m, 24.75m);
        sim.Quote("SOXL", 0, 24.70m, 24.80m);
        sim.Quote("URA", 0, 36.00m, 36.20m);
        http.Server.Faults.Enqueue(new FaultRule("POST", "/v2/orders", Fault.PatternDayTrader()) { Times = 1_000 });

        var result = await sim.RunAsync(Plan(Sell("SOXL", 403m, 24.75m), Buy("URA", 100m, 36.10m)));

        var posts = http.Server.Journal.Matching("POST", "/v2/orders");
        Assert.Equal([Id("SOXL", "sell", "1"), Id("URA", "buy", "1")], posts.Select(p => ClientOrderIdIn(p.RequestBody)));
        Assert.All(posts, p => Assert.Equal(403, p.StatusCode));
        Assert.Equal(
            [("submit", "1", (RejectionReason?)RejectionReason.Invalid), ("submit", "1", RejectionReason.Invalid)],
            sim.Broker.Calls.Select(c => (c.Kind, StepOf(c.ClientOrderId), c.Refusal)));
        Assert.Empty(http.LinesSaying("Alpaca request failed; retrying"));
        Assert.Empty(await sim.OrdersAsync());
        Assert.Equal(403m, await sim.PositionAsync("SOXL"));

        var report = sim.PublishedReport();
        Assert.Equal([("SOXL", "sell", 403m), ("URA", "buy", 100m)], report.FailedOrders.Select(f => (f.Symbol, f.Side, f.UnfilledQuantity)));
        Assert.All(report.FailedOrders, f =>
        {
            Assert.Contains("trade denied due to pattern day trading protection", f.Reason, StringComparison.Ordinal); // Alpaca's words
            Assert.Contains("pattern-day-trading protection", f.Reason, StringComparison.Ordinal);
        });
        Assert.Equal(EventTypes.WorkflowFailed, result.Published[^1].EventType);
    }

    private static string ClientOrderIdIn(string body)
    {
        const string Key = "\"client_order_id\":\"";
        var start = body.IndexOf(Key, StringComparison.Ordinal) + Key.Length;
        return body[start..body.IndexOf('"', start)];
    }
}
