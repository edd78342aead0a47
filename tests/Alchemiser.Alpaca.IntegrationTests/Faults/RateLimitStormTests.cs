using System.Globalization;
using Alchemiser.Alpaca.IntegrationTests.Support;
using Alchemiser.Alpaca.TestServer.Faults;
using Alchemiser.Core.Events;
using static Alchemiser.Functions.Tests.Execution.Simulator.PaperAfternoon;

namespace Alchemiser.Alpaca.IntegrationTests.Faults;

/// <summary>
/// A run big enough to need more than Alpaca's 200 requests a minute, under a storm of 429s (with the rate-limit
/// headers, remaining 0 and a reset a second away) on every path execution uses. Rates are read off the server's
/// journal, on the simulated clock the client's request budget and waits run on. The client's budget is the default,
/// Alpaca's 200 a minute.
/// </summary>
[Trait("Category", "Integration")]
public sealed class RateLimitStormTests
{
    private static readonly TimeSpan ResetAfter = TimeSpan.FromSeconds(1);

    /// <summary>Every method and path execution sends on a run like this one.</summary>
    private static readonly (string Method, string Path)[] Paths =
    [
        ("GET", "/v2/orders:by_client_order_id"), ("POST", "/v2/orders"), ("GET", "/v2/orders/{order_id}"), ("PATCH", "/v2/orders/{order_id}"),
        ("DELETE", "/v2/orders/{order_id}"), ("GET", "/v2/account"), ("GET", "/v2/stocks/quotes/latest"),
    ];

    /// <param name="serverQuota">
    /// The quota the server enforces and announces in its headers: Alpaca's 200, which the client also follows from the
    /// headers; or far more, so that only the client's own request budget keeps it to 200.
    /// </param>
    [Theory]
    [InlineData(200)]
    [InlineData(10_000)]
    public async Task Under_a_429_storm_on_every_path_the_run_completes_each_reset_is_waited_for_and_no_minute_sees_more_than_200_requests(int serverQuota)
    {
        await using var sim = await Afternoons.OverHttpAsync(new AlpacaHttpVenue { Server = o => o with { RequestsPerMinute = serverQuota } });
        var http = sim.Http();
        var symbols = Enumerable.Range(0, 14).Select(i => "S" + ((char)('A' + i)).ToString() + "X").ToArray();
        for (var i = 0; i < symbols.Length; i++)
        {
            for (var second = 0; second <= 900; second += 20) // offered well above every limit step, kept fresh: each buy goes to market
            {
                sim.Quote(symbols[i], second, 20.00m + i, 20.10m + i);
            }
        }

        // On every path: the 1st and 2nd, 7th and 8th, ... 31st and 32nd request get 429 (two in a row, within the read retries).
        foreach (var (method, path) in Paths)
        {
            for (var burst = 0; burst < 6; burst++)
            {
                http.Server.Faults.Enqueue(new FaultRule(method, path, Fault.TooManyRequests(ResetAfter)) { OnMatch = 1 + (6 * burst), Times = 2 });
            }
        }

        var result = await sim.RunAsync(Plan([.. symbols.Select((s, i) => Buy(s, 50m, 20.05m + i))]));

        // The run completed: every buy filled in full at market, the ledger agrees with the broker.
        Assert.Equal(EventTypes.WorkflowCompleted, result.Published[^1].EventType);
        var report = sim.PublishedReport();
        Assert.Equal((symbols.Length, 0), (report.OrdersFilled, report.OrdersFailed));
        var orders = await sim.OrdersAsync();
        Assert.Equal(orders.Count, orders.Select(o => o.ClientOrderId).Distinct(StringComparer.Ordinal).Count()); // no client order id placed twice
        Assert.All(symbols, s => Assert.Equal(50m, orders.Where(o => o.Symbol == s).Sum(o => o.FilledQuantity)));
        Assert.Equal(symbols.Order(StringComparer.Ordinal), (await sim.LedgerAsync()).Select(r => r.Symbol).Order(StringComparer.Ordinal));
        await sim.AssertLedgerAgreesWithBrokerAsync();

        var journal = await http.JournalAsync(); // every attempt took a turn of the budget and reached the server
        var storm = journal.Where(e => e.StatusCode == 429).ToList();
        Assert.All(storm, e => Assert.NotNull(e.Fault)); // every 429 was the storm's: the server's own 200-a-minute limit never had to refuse
        Assert.Equal(Paths.Select(p => p.Method + " " + p.Path).Order(StringComparer.Ordinal), storm.Select(e => e.Shape()).Select(s => s.Method + " " + s.Path).Distinct().Order(StringComparer.Ordinal));
        Assert.True(storm.Count >= 40, $"only {storm.Count} 429s were sent");

        // After each 429 the client waited for the reset it announced (1 s on, rounded up to the second) before sending anything.
        foreach (var refused in storm)
        {
            var next = journal.FirstOrDefault(e => e.Sequence > refused.Sequence);
            Assert.NotNull(next);
            Assert.True(next.ReceivedAt >= ResetOf(refused.ReceivedAt), $"request {next.Sequence} at {Text(next.ReceivedAt)} went before the reset of 429 {refused.Sequence} at {Text(ResetOf(refused.ReceivedAt))}");
        }

        // The run needed more than a minute's quota, yet no rolling minute saw more than 200 requests.
        Assert.True(journal.Count > 200, $"the run sent only {journal.Count} requests");
        Assert.InRange(http.Server.Journal.MostInAnyWindow(TimeSpan.FromMinutes(1)), 1, 200);
        Assert.Equal(orders.Count(o => StepOf(o) is "1" or "m"), journal.Count(e => e.Method == "POST" && e.StatusCode == 200)); // each submission placed once
    }

    private static DateTimeOffset ResetOf(DateTimeOffset refusedAt)
    {
        var reset = refusedAt + ResetAfter;
        var seconds = reset.ToUnixTimeSeconds();
        return DateTimeOffset.FromUnixTimeSeconds(reset > DateTimeOffset.FromUnixTimeSeconds(seconds) ? seconds + 1 : seconds);
    }

    private static string Text(DateTimeOffset at) => at.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture);
}
