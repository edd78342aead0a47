using System.Net;
using Alchemiser.Alpaca.TestServer.Faults;
using Alchemiser.Core.Time;

namespace Alchemiser.Alpaca.TestServer.Tests;

/// <summary>Faults injected per request: refused without being served, served slowly, or served with the answer lost.</summary>
public sealed class FaultInjectionTests
{
    private const string Order = """{"symbol":"SPY","qty":"2","side":"buy","type":"market","time_in_force":"day","client_order_id":"alc-spy-buy-m"}""";

    [Fact]
    public async Task A_429_fault_has_the_rate_limit_headers_and_serves_nothing()
    {
        await using var paper = await PaperServer.StartAsync();
        paper.Quote("SPY", 99.99m, 100.01m);
        paper.Server.Faults.Enqueue(new FaultRule("POST", "/v2/orders", Fault.TooManyRequests(TimeSpan.FromSeconds(30))));

        var refused = await paper.PostAsync("v2/orders", Order);
        var retried = await paper.PostAsync("v2/orders", Order);

        refused.AssertError(HttpStatusCode.TooManyRequests, 42910000, "rate limit exceeded");
        Assert.Equal(("200", "0", (PaperServer.Open.ToUnixTimeSeconds() + 30).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            (refused.Header("X-Ratelimit-Limit"), refused.Header("X-Ratelimit-Remaining"), refused.Header("X-Ratelimit-Reset")));
        Assert.Equal(HttpStatusCode.OK, retried.Status);
        Assert.Equal("paper-000001", paper.Server.BrokerOrderIdOf(retried["id"]!));
    }

    public static TheoryData<Fault, HttpStatusCode, int, string> ErrorFaults() => new()
    {
        { Fault.InsufficientBuyingPower(), HttpStatusCode.Forbidden, 40310000, "insufficient buying power" },
        { Fault.PatternDayTrader(), HttpStatusCode.Forbidden, 40310100, "trade denied due to pattern day trading protection" },
        { Fault.Unprocessable("potential wash trade detected. use complex orders"), HttpStatusCode.UnprocessableEntity, 40010001, "potential wash trade detected. use complex orders" },
        { Fault.InternalServerError(), HttpStatusCode.InternalServerError, 50010000, "internal server error" },
    };

    [Theory]
    [MemberData(nameof(ErrorFaults))]
    public async Task An_error_fault_answers_with_its_status_and_body_and_places_no_order(Fault fault, HttpStatusCode status, int code, string message)
    {
        await using var paper = await PaperServer.StartAsync();
        paper.Quote("SPY", 99.99m, 100.01m);
        paper.Server.Faults.Enqueue(new FaultRule("POST", "/v2/orders", fault));

        var reply = await paper.PostAsync("v2/orders", Order);

        reply.AssertError(status, code, message);
        Assert.Null(await paper.Broker.GetOrderByClientIdAsync("alc-spy-buy-m"));
        var entry = Assert.Single(paper.Server.Journal.Entries);
        Assert.Equal(((int)status, (int?)null, fault.Description), (entry.StatusCode, entry.ServedStatusCode, entry.Fault));
        Assert.Equal(0, paper.Server.Faults.Pending);
    }

    [Theory]
    [InlineData(LostResponseMode.GatewayTimeout, HttpStatusCode.GatewayTimeout)]
    [InlineData(LostResponseMode.InternalServerError, HttpStatusCode.InternalServerError)]
    public async Task A_lost_response_places_the_order_though_the_client_sees_an_error(LostResponseMode mode, HttpStatusCode seen)
    {
        await using var paper = await PaperServer.StartAsync();
        paper.Quote("SPY", 99.99m, 100.01m);
        paper.Server.Faults.Enqueue(new FaultRule("POST", "/v2/orders", Fault.LostResponse(mode)));

        var lost = await paper.PostAsync("v2/orders", Order);
        var found = await paper.GetAsync("v2/orders:by_client_order_id?client_order_id=alc-spy-buy-m");

        Assert.Equal(seen, lost.Status);
        Assert.DoesNotContain("alc-spy-buy-m", lost.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, found.Status);
        Assert.Equal(("alc-spy-buy-m", "paper-000001"), (found["client_order_id"], paper.Server.BrokerOrderIdOf(found["id"]!)));
        var post = Assert.Single(paper.Server.Journal.Matching("POST", "/v2/orders"));
        Assert.Equal(((int)seen, (int?)200), (post.StatusCode, post.ServedStatusCode));
    }

    [Fact]
    public async Task A_lost_response_with_the_connection_aborted_still_places_exactly_one_order()
    {
        await using var paper = await PaperServer.StartAsync();
        paper.Quote("SPY", 99.99m, 100.01m);
        paper.Server.Faults.Enqueue(new FaultRule("POST", "/v2/orders", Fault.LostResponse(LostResponseMode.ConnectionAborted)));

        await Assert.ThrowsAsync<HttpRequestException>(() => paper.PostAsync("v2/orders", Order));
        var duplicate = await paper.PostAsync("v2/orders", Order);

        duplicate.AssertError(HttpStatusCode.UnprocessableEntity, 40010001, "client_order_id must be unique");
        Assert.Equal(HttpStatusCode.OK, (await paper.GetAsync("v2/orders:by_client_order_id?client_order_id=alc-spy-buy-m")).Status);
        Assert.Equal("alc-spy-buy-m", (await paper.Broker.GetOrderAsync("paper-000001")).ClientOrderId);
        await Assert.ThrowsAsync<Core.Brokerage.OrderNotFoundException>(() => paper.Broker.GetOrderAsync("paper-000002"));
        Assert.Equal(0, paper.Server.Journal.Matching("POST", "/v2/orders")[0].StatusCode);
    }

    [Fact]
    public async Task A_delay_runs_on_the_servers_delay_before_the_request_is_served()
    {
        await using var paper = await PaperServer.StartAsync();
        paper.Quote("SPY", 99.99m, 100.01m);
        paper.Server.Faults.Enqueue(new FaultRule("POST", "/v2/orders", Fault.Delay(TimeSpan.FromSeconds(30))));

        var placed = await paper.PostAsync("v2/orders", Order);

        Assert.Equal(HttpStatusCode.OK, placed.Status);
        Assert.Equal(PaperServer.Open.AddSeconds(30), Wire.Instant(placed["submitted_at"]));
        Assert.Equal(PaperServer.Open.AddSeconds(30), paper.Clock.UtcNow);
        Assert.Equal("delay 30000 ms", Assert.Single(paper.Server.Journal.Entries).Fault);
    }

    [Fact]
    public async Task A_slow_answer_outlasts_a_client_that_gives_up()
    {
        await using var paper = await PaperServer.StartAsync(o => o with { Delay = SystemDelay.Instance });
        paper.Server.Faults.Enqueue(new FaultRule("GET", "/v2/account", Fault.Delay(TimeSpan.FromMinutes(10))));
        using var patience = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => paper.GetAsync("v2/account", patience.Token));

        Assert.Equal(HttpStatusCode.OK, (await paper.GetAsync("v2/account")).Status);
    }

    [Fact]
    public async Task A_rule_can_wait_for_the_nth_matching_request_and_apply_several_times()
    {
        await using var paper = await PaperServer.StartAsync();
        paper.Server.Faults.Enqueue(new FaultRule("GET", "/v2/orders/{order_id}", Fault.InternalServerError()) { OnMatch = 2, Times = 2 });
        paper.Quote("SPY", 99.99m, 100.01m);
        var id = (await paper.PlaceLimitAsync("alc-spy-buy-1", "SPY", "buy", 1m, 99m))["id"];

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await paper.GetAsync($"v2/orders/{id}")).Status);
        }

        Assert.Equal(
            [HttpStatusCode.OK, HttpStatusCode.InternalServerError, HttpStatusCode.InternalServerError, HttpStatusCode.OK, HttpStatusCode.OK],
            statuses);
        Assert.Equal(HttpStatusCode.OK, (await paper.GetAsync("v2/orders")).Status);
        Assert.Equal(0, paper.Server.Faults.Pending);
    }

    [Fact]
    public async Task A_delay_and_a_lost_response_combine_on_one_request()
    {
        await using var paper = await PaperServer.StartAsync();
        paper.Quote("SPY", 99.99m, 100.01m);
        paper.Server.Faults.Enqueue(new FaultRule("POST", "/v2/orders", Fault.Delay(TimeSpan.FromSeconds(5))));
        paper.Server.Faults.Enqueue(new FaultRule("post", "/v2/orders", Fault.LostResponse()));

        var lost = await paper.PostAsync("v2/orders", Order);

        Assert.Equal(HttpStatusCode.GatewayTimeout, lost.Status);
        Assert.Equal(PaperServer.Open.AddSeconds(5), (await paper.Broker.GetOrderAsync("paper-000001")).SubmittedAt);
        Assert.Equal("delay 5000 ms; lost response: served, answered 504", Assert.Single(paper.Server.Journal.Entries).Fault);
    }

    [Fact]
    public async Task Rules_match_method_and_path_segments_only()
    {
        await using var paper = await PaperServer.StartAsync();
        paper.Server.Faults.Enqueue(new FaultRule("POST", "/v2/orders", Fault.InternalServerError()));

        Assert.Equal(HttpStatusCode.OK, (await paper.GetAsync("v2/orders")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await paper.GetAsync("v2/orders:by_client_order_id?client_order_id=x")).Status);
        Assert.Equal(1, paper.Server.Faults.Pending);
        Assert.Throws<ArgumentException>(() => new FaultRule("GET", "v2/orders", Fault.InternalServerError()));
        Assert.Throws<ArgumentOutOfRangeException>(() => paper.Server.Faults.Enqueue(new FaultRule("GET", "/v2/clock", Fault.InternalServerError()) { OnMatch = 0 }));
    }
}
