using Alchemiser.Alpaca.Tests.Support;
using Alchemiser.Core.Brokerage;
using Alchemiser.Core.Errors;

namespace Alchemiser.Alpaca.Tests;

/// <summary>
/// An order write is never retried blindly: a lost answer is reconciled by client order id — adopt what Alpaca has,
/// send again only when Alpaca confirms it has nothing, and say "state unknown" when it cannot be asked.
/// </summary>
public sealed class OrderReconciliationTests : IDisposable
{
    private const string OrderId = "61e69015-8549-4bfd-b9c3-01e75843f47d";

    private readonly TestAlpaca _t = new(AlpacaOptions.Paper with { AttemptTimeout = TimeSpan.FromMilliseconds(100) });

    public void Dispose() => _t.Dispose();

    private IReadOnlyList<string> Calls => _t.Alpaca.Requests.Select(r => $"{r.Method} {r.Path}").ToArray();

    [Fact]
    public async Task A_submission_that_times_out_after_it_was_sent_is_found_by_client_order_id_and_adopted_with_one_post()
    {
        _t.Alpaca.Hang().RespondFixture("getOrderByClientOrderId");

        var order = await _t.Client.SubmitOrderAsync(ErrorScenarios.Buy);

        Assert.Equal((OrderId, "run-1:AAPL:buy:1", OrderStatus.New), (order.Id, order.ClientOrderId, order.Status));
        Assert.Equal(["POST /v2/orders", "GET /v2/orders:by_client_order_id"], Calls);
        Assert.Equal("run-1:AAPL:buy:1", _t.Alpaca.Requests[1].Query["client_order_id"]);
        Assert.Contains(_t.Logs.Lines, l => l.Contains("\"message\":\"Alpaca order adopted after a lost answer\"", StringComparison.Ordinal)
            && l.Contains("\"status\":0", StringComparison.Ordinal) && l.Contains("\"path\":\"/v2/orders\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_submission_answered_500_is_sent_again_once_alpaca_confirms_it_has_no_such_order()
    {
        _t.Alpaca.Respond(500, """{"code":50010000,"message":"internal server error occurred"}""")
            .RespondError(404, 40410000, "order not found")
            .RespondFixture("postOrder");

        var order = await _t.Client.SubmitOrderAsync(ErrorScenarios.Buy);

        Assert.Equal(OrderId, order.Id);
        Assert.Equal(["POST /v2/orders", "GET /v2/orders:by_client_order_id", "POST /v2/orders"], Calls);
        Assert.Equal(_t.Alpaca.Requests[0].Body, _t.Alpaca.Requests[2].Body);
        Assert.Contains(_t.Logs.Lines, l => l.Contains("Alpaca confirms it has no such order; sending it again", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_submission_whose_lookup_fails_too_is_state_unknown_and_never_sent_again()
    {
        var error = Assert.IsType<AlpacaApiException>(await ErrorScenarios.OrderStateUnknown(_t));

        Assert.True(error.IsOutcomeUnknown);
        Assert.Equal(ErrorCategory.Trading, error.Category);
        Assert.Equal(
            "Alpaca POST /v2/orders failed: HTTP 500 (50010000): order state unknown: order run-1:AAPL:buy:1 (buy 2 AAPL limit @ 150) got no usable answer "
            + "(internal server error occurred) and looking up client_order_id run-1:AAPL:buy:1 failed (<html><body>upstream unavailable</body></html>)",
            error.Message);
        Assert.Contains("do not submit it again", error.RemediationHint, StringComparison.Ordinal);
        Assert.Equal(1, Calls.Count(c => c == "POST /v2/orders"));
        Assert.Equal(1 + _t.Options.MaxReadRetries, Calls.Count(c => c == "GET /v2/orders:by_client_order_id")); // the lookup is a read: retried
    }

    [Fact]
    public async Task A_submission_lost_twice_with_alpaca_confirming_each_time_is_not_placed_after_two_posts()
    {
        var error = Assert.IsType<AlpacaApiException>(await ErrorScenarios.OrderNeverLands(_t));

        Assert.False(error.IsOutcomeUnknown);
        Assert.Contains("was not placed: 2 sends got no usable answer", error.Message, StringComparison.Ordinal);
        Assert.Equal(AlpacaClient.MaxOrderSubmissions, Calls.Count(c => c == "POST /v2/orders"));
        Assert.Equal(["POST /v2/orders", "GET /v2/orders:by_client_order_id", "POST /v2/orders", "GET /v2/orders:by_client_order_id"], Calls);
    }

    [Fact]
    public async Task A_network_error_then_a_duplicate_on_the_second_send_means_the_first_landed_late_and_it_is_adopted()
    {
        _t.Alpaca.FailNetwork()
            .RespondError(404, 40410000, "order not found")
            .RespondError(422, 40010001, "client_order_id must be unique")
            .RespondFixture("getOrderByClientOrderId");

        var order = await _t.Client.SubmitOrderAsync(ErrorScenarios.Buy);

        Assert.Equal(OrderId, order.Id);
        Assert.Equal(["POST /v2/orders", "GET /v2/orders:by_client_order_id", "POST /v2/orders", "GET /v2/orders:by_client_order_id"], Calls);
    }

    [Fact]
    public async Task A_success_whose_body_cannot_be_read_is_reconciled_rather_than_sent_again()
    {
        _t.Alpaca.Respond(200, "{\"id\":").RespondFixture("getOrderByClientOrderId");

        var order = await _t.Client.SubmitOrderAsync(ErrorScenarios.Buy);

        Assert.Equal(OrderId, order.Id);
        Assert.Equal(["POST /v2/orders", "GET /v2/orders:by_client_order_id"], Calls);
    }

    [Fact]
    public async Task A_rate_limited_submission_was_not_taken_and_goes_again_after_the_quota_refills()
    {
        var reset = _t.Clock.UtcNow.AddSeconds(7);
        _t.Alpaca.RespondError(429, 42910000, "rate limit exceeded", ("X-Ratelimit-Remaining", "0"), ("X-Ratelimit-Reset", reset.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .RespondFixture("postOrder");

        var order = await _t.Client.SubmitOrderAsync(ErrorScenarios.Buy);

        Assert.Equal(OrderId, order.Id);
        Assert.Equal(["POST /v2/orders", "POST /v2/orders"], Calls);
        Assert.True(_t.Alpaca.Requests[1].At >= reset, $"the second send went at {_t.Alpaca.Requests[1].At:O}, before the reset {reset:O}");
    }

    [Fact]
    public async Task A_replace_that_times_out_is_found_by_the_replacements_client_order_id_and_adopted_with_one_patch()
    {
        _t.Alpaca.Hang().RespondFixture("getOrderByClientOrderId.replacement");

        var replacement = await _t.Client.ReplaceOrderAsync(OrderId, new OrderReplacement("run-1:AAPL:buy:2", 2m, 150.05m));

        Assert.Equal("run-1:AAPL:buy:2", replacement.ClientOrderId);
        Assert.Equal([$"PATCH /v2/orders/{OrderId}", "GET /v2/orders:by_client_order_id"], Calls);
        Assert.Equal("run-1:AAPL:buy:2", _t.Alpaca.Requests[1].Query["client_order_id"]);
    }

    [Fact]
    public async Task A_replace_whose_lookup_fails_is_state_unknown_with_one_patch()
    {
        _t.Alpaca.Respond(502, "").Otherwise(_ => ScriptedAlpaca.Response(500, ""));

        var error = await Assert.ThrowsAsync<AlpacaApiException>(() => _t.Client.ReplaceOrderAsync(OrderId, new OrderReplacement("run-1:AAPL:buy:2", 2m, 150.05m)));

        Assert.True(error.IsOutcomeUnknown);
        Assert.Equal(1, Calls.Count(c => c.StartsWith("PATCH", StringComparison.Ordinal)));
    }
}
