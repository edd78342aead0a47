using Alchemiser.Alpaca.Tests.Support;
using Alchemiser.Core.Brokerage;

namespace Alchemiser.Alpaca.Tests;

/// <summary>Each order call: the method, path, query and body sent, and how Alpaca's order is read back.</summary>
public sealed class OrderCallsTests : IDisposable
{
    private const string OrderId = "61e69015-8549-4bfd-b9c3-01e75843f47d";
    private const string ReplacementId = "8d4cd4b4-8f4c-4a8c-9f55-9a5d0ffb2d8e";

    private readonly TestAlpaca _t = new();

    public void Dispose() => _t.Dispose();

    [Fact]
    public async Task A_limit_order_is_posted_as_a_day_order_with_decimal_strings_and_the_client_order_id()
    {
        _t.Alpaca.RespondFixture("postOrder");

        var order = await _t.Client.SubmitOrderAsync(ErrorScenarios.Buy);

        Assert.Equal(("POST", "paper-api.alpaca.markets", "/v2/orders"), (_t.Sent.Method, _t.Sent.Host, _t.Sent.Path));
        Assert.Equal(["symbol", "qty", "side", "type", "time_in_force", "limit_price", "client_order_id"], _t.Sent.BodyFields);
        Assert.Equal("AAPL", _t.Sent.Field("symbol"));
        Assert.Equal("2", _t.Sent.Field("qty"));
        Assert.Equal("buy", _t.Sent.Field("side"));
        Assert.Equal("limit", _t.Sent.Field("type"));
        Assert.Equal("day", _t.Sent.Field("time_in_force"));
        Assert.Equal("150", _t.Sent.Field("limit_price"));
        Assert.Equal("run-1:AAPL:buy:1", _t.Sent.Field("client_order_id"));
        Assert.StartsWith("application/json", _t.Sent.Headers["Content-Type"], StringComparison.Ordinal);
        Assert.Equal(
            new BrokerOrder(
                OrderId, "run-1:AAPL:buy:1", "AAPL", OrderSide.Buy, OrderType.Limit, 2m, 150m, OrderStatus.New, 0m, null,
                DateTimeOffset.Parse("2023-12-12T22:31:24.5772157Z", System.Globalization.CultureInfo.InvariantCulture),
                DateTimeOffset.Parse("2023-12-12T22:31:24.6684644Z", System.Globalization.CultureInfo.InvariantCulture),
                null, null, null),
            order);
    }

    [Theory]
    [InlineData("10.50", "101.2500", "10.5", "101.25")]
    [InlineData("0.001", "0.0001", "0.001", "0.0001")]
    [InlineData("1000", "1", "1000", "1")]
    [InlineData("3", "12.30", "3", "12.3")]
    public async Task Quantities_and_prices_go_out_as_invariant_decimal_strings_without_trailing_zeros(string quantity, string limit, string sentQuantity, string sentLimit)
    {
        _t.Alpaca.RespondFixture("postOrder");
        var culture = Thread.CurrentThread.CurrentCulture;
        Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("de-DE"); // a decimal comma must not leak onto the wire
        try
        {
            await _t.Client.SubmitOrderAsync(OrderRequest.Limit("c-1", "AAPL", OrderSide.Buy, Number(quantity), Number(limit)));
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = culture;
        }

        Assert.Equal((sentQuantity, sentLimit), (_t.Sent.Field("qty"), _t.Sent.Field("limit_price")));
    }

    [Fact]
    public async Task A_fractional_market_order_sends_a_fractional_qty_and_no_limit_price()
    {
        _t.Alpaca.RespondFixture("postOrder.fractional");

        var order = await _t.Client.SubmitOrderAsync(OrderRequest.Market("run-1:SPY:buy:1", "SPY", OrderSide.Buy, 0.5m));

        Assert.Equal(["symbol", "qty", "side", "type", "time_in_force", "client_order_id"], _t.Sent.BodyFields);
        Assert.Equal(("0.5", "market", "day"), (_t.Sent.Field("qty"), _t.Sent.Field("type"), _t.Sent.Field("time_in_force")));
        Assert.Equal((OrderType.Market, 0.5m, (decimal?)null, OrderStatus.New), (order.Type, order.Quantity, order.LimitPrice, order.Status));
    }

    [Fact]
    public async Task A_notional_order_sends_dollars_instead_of_shares()
    {
        _t.Alpaca.RespondFixture("postOrder.notional");

        var order = await _t.Client.SubmitNotionalOrderAsync("run-1:SPY:buy:n1", "SPY", OrderSide.Buy, 500.00m);

        Assert.Equal(["symbol", "notional", "side", "type", "time_in_force", "client_order_id"], _t.Sent.BodyFields);
        Assert.Equal(("500", "market", "day", "buy"), (_t.Sent.Field("notional"), _t.Sent.Field("type"), _t.Sent.Field("time_in_force"), _t.Sent.Field("side")));
        Assert.Equal(("run-1:SPY:buy:n1", "SPY", OrderType.Market, 0m, OrderStatus.New), (order.ClientOrderId, order.Symbol, order.Type, order.Quantity, order.Status));
    }

    [Fact]
    public async Task An_order_without_a_client_order_id_or_with_a_wrong_shape_is_refused_before_anything_is_sent()
    {
        var missingId = await Assert.ThrowsAsync<OrderRejectedException>(() => _t.Client.SubmitOrderAsync(OrderRequest.Market(" ", "SPY", OrderSide.Buy, 1m)));
        var noLimit = await Assert.ThrowsAsync<OrderRejectedException>(() => _t.Client.SubmitOrderAsync(new OrderRequest("c-1", "SPY", OrderSide.Buy, 1m, OrderType.Limit, null)));
        var zero = await Assert.ThrowsAsync<OrderRejectedException>(() => _t.Client.SubmitOrderAsync(OrderRequest.Market("c-1", "SPY", OrderSide.Sell, 0m)));
        var longId = await Assert.ThrowsAsync<OrderRejectedException>(() => _t.Client.SubmitOrderAsync(OrderRequest.Market(new string('c', 129), "SPY", OrderSide.Sell, 1m)));

        Assert.All([missingId, noLimit, zero, longId], e => Assert.Equal(RejectionReason.Invalid, e.Reason));
        Assert.Contains("client order id is required", missingId.Message, StringComparison.Ordinal);
        Assert.Empty(_t.Alpaca.Requests);
    }

    [Fact]
    public async Task An_order_is_read_by_id_with_what_filled_so_far()
    {
        _t.Alpaca.RespondFixture("getOrderByOrderID");

        var order = await _t.Client.GetOrderAsync(OrderId);

        Assert.Equal(("GET", $"/v2/orders/{OrderId}"), (_t.Sent.Method, _t.Sent.Path));
        Assert.Equal((OrderStatus.PartiallyFilled, 1m, (decimal?)149.98m, 1m, true), (order.Status, order.FilledQuantity, order.FilledAveragePrice, order.RemainingQuantity, order.IsOpen));
    }

    [Fact]
    public async Task A_replaced_order_names_the_order_that_replaced_it()
    {
        _t.Alpaca.RespondFixture("getOrderByOrderID.replaced");

        var order = await _t.Client.GetOrderAsync(OrderId);

        Assert.Equal((OrderStatus.Replaced, ReplacementId, 1m, false), (order.Status, order.ReplacedBy, order.FilledQuantity, order.IsOpen));
    }

    [Fact]
    public async Task An_order_is_found_by_its_client_order_id_and_a_404_means_there_is_none()
    {
        _t.Alpaca.RespondFixture("getOrderByClientOrderId").RespondError(404, 40410000, "order not found");

        var found = await _t.Client.GetOrderByClientIdAsync("run-1:AAPL:buy:1");
        var missing = await _t.Client.GetOrderByClientIdAsync("run-1:AAPL:buy:9");

        Assert.Equal((OrderId, OrderStatus.New), (found!.Id, found.Status));
        Assert.Null(missing);
        Assert.All(_t.Alpaca.Requests, r => Assert.Equal(("GET", "/v2/orders:by_client_order_id"), (r.Method, r.Path)));
        Assert.Equal(["run-1:AAPL:buy:1", "run-1:AAPL:buy:9"], _t.Alpaca.Requests.Select(r => r.Query["client_order_id"]));
    }

    [Fact]
    public async Task A_replace_patches_the_order_with_qty_limit_price_day_and_the_new_client_order_id()
    {
        _t.Alpaca.RespondFixture("patchOrderByOrderId");

        var replacement = await _t.Client.ReplaceOrderAsync(OrderId, new OrderReplacement("run-1:AAPL:buy:2", 2m, 150.050m));

        Assert.Equal(("PATCH", $"/v2/orders/{OrderId}"), (_t.Sent.Method, _t.Sent.Path));
        Assert.Equal(["qty", "time_in_force", "limit_price", "client_order_id"], _t.Sent.BodyFields);
        Assert.Equal(("2", "day", "150.05", "run-1:AAPL:buy:2"), (_t.Sent.Field("qty"), _t.Sent.Field("time_in_force"), _t.Sent.Field("limit_price"), _t.Sent.Field("client_order_id")));
        Assert.Equal((ReplacementId, "run-1:AAPL:buy:2", 150.05m, OrderStatus.New), (replacement.Id, replacement.ClientOrderId, replacement.LimitPrice, replacement.Status));
    }

    [Fact]
    public async Task A_replace_alpaca_refuses_because_the_order_is_no_longer_open_is_an_invalid_rejection_sent_once()
    {
        _t.Alpaca.RespondError(422, 42210000, "order is not open");

        var error = await Assert.ThrowsAsync<OrderRejectedException>(() => _t.Client.ReplaceOrderAsync(OrderId, new OrderReplacement("run-1:AAPL:buy:2", 2m, 150.05m)));

        Assert.Equal(RejectionReason.Invalid, error.Reason);
        Assert.Contains("order is not open", error.Message, StringComparison.Ordinal);
        Assert.Single(_t.Alpaca.Requests);
    }

    [Fact]
    public async Task A_cancel_deletes_the_order_and_a_422_for_an_order_already_done_leaves_it_as_it_is()
    {
        _t.Alpaca.Respond(204).RespondError(422, 42210000, "order is already in \\\"filled\\\" state");

        await _t.Client.CancelOrderAsync(OrderId);
        await _t.Client.CancelOrderAsync(OrderId);

        Assert.All(_t.Alpaca.Requests, r => Assert.Equal(("DELETE", $"/v2/orders/{OrderId}", ""), (r.Method, r.Path, r.Body)));
        Assert.Equal(2, _t.Alpaca.Requests.Count);
    }

    [Fact]
    public async Task A_cancel_of_an_order_alpaca_does_not_know_throws_order_not_found()
    {
        _t.Alpaca.RespondError(404, 40410000, "order not found");

        var error = await Assert.ThrowsAsync<OrderNotFoundException>(() => _t.Client.CancelOrderAsync(OrderId));

        Assert.Equal(OrderId, error.OrderId);
    }

    [Fact]
    public async Task An_id_alpaca_does_not_take_for_an_order_id_is_order_not_found_on_read_and_cancel()
    {
        _t.Alpaca.RespondError(422, 40010001, "order_id is missing").RespondError(422, 40010001, "order_id is missing");

        var read = await Assert.ThrowsAsync<OrderNotFoundException>(() => _t.Client.GetOrderAsync("paper-000001"));
        var cancel = await Assert.ThrowsAsync<OrderNotFoundException>(() => _t.Client.CancelOrderAsync("paper-000001"));

        Assert.Equal(("paper-000001", "paper-000001"), (read.OrderId, cancel.OrderId));
        Assert.Equal(["GET /v2/orders/paper-000001", "DELETE /v2/orders/paper-000001"], _t.Alpaca.Requests.Select(r => $"{r.Method} {r.Path}"));
    }

    [Fact]
    public async Task A_cancel_is_idempotent_and_so_retried_after_a_server_error()
    {
        _t.Alpaca.Respond(503, "").Respond(204);

        await _t.Client.CancelOrderAsync(OrderId);

        Assert.Equal(2, _t.Alpaca.Requests.Count);
    }

    [Fact]
    public async Task Cancel_all_deletes_every_open_order_and_reports_alpacas_answer_per_order()
    {
        _t.Alpaca.RespondFixture("deleteAllOrders", status: 207);

        var answers = await _t.Client.CancelAllOrdersAsync();

        Assert.Equal(("DELETE", "/v2/orders"), (_t.Sent.Method, _t.Sent.Path));
        Assert.Equal([new AlpacaCancellation("d56ba3ea-6d04-48ce-8175-817e242ee608", 200), new AlpacaCancellation(OrderId, 500)], answers);
        Assert.Equal([true, false], answers.Select(a => a.IsAccepted));
    }

    [Fact]
    public async Task Orders_are_listed_by_status_and_alpacas_statuses_read_as_the_ports_seven()
    {
        _t.Alpaca.RespondFixture("getAllOrders");

        var orders = await _t.Client.ListOrdersAsync("all");

        Assert.Equal(("GET", "/v2/orders"), (_t.Sent.Method, _t.Sent.Path));
        Assert.Equal(new Dictionary<string, string> { ["status"] = "all", ["limit"] = "500" }, _t.Sent.Query);
        var byStatus = orders.ToDictionary(o => o.ClientOrderId["list:".Length..], o => o.Status);
        Assert.Equal(
            new Dictionary<string, OrderStatus>
            {
                ["new"] = OrderStatus.New,
                ["accepted"] = OrderStatus.New,
                ["pending_new"] = OrderStatus.New,
                ["partially_filled"] = OrderStatus.PartiallyFilled,
                ["pending_cancel"] = OrderStatus.PartiallyFilled,
                ["filled"] = OrderStatus.Filled,
                ["canceled"] = OrderStatus.Canceled,
                ["expired"] = OrderStatus.Expired,
                ["done_for_day"] = OrderStatus.Expired,
                ["replaced"] = OrderStatus.Replaced,
                ["rejected"] = OrderStatus.Rejected,
                ["calculated"] = OrderStatus.Filled,
                ["stopped"] = OrderStatus.New,
                ["suspended"] = OrderStatus.New,
            },
            byStatus);
        var filled = orders.Single(o => o.Status == OrderStatus.Filled && o.ClientOrderId == "list:filled");
        Assert.Equal((2m, (decimal?)149.75m, (DateTimeOffset?)new DateTimeOffset(2023, 12, 12, 22, 31, 30, TimeSpan.Zero)), (filled.FilledQuantity, filled.FilledAveragePrice, filled.FilledAt));
        Assert.NotNull(orders.Single(o => o.Status == OrderStatus.Rejected).RejectReason);
    }

    [Fact]
    public async Task Listing_refuses_a_status_alpaca_does_not_have()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _t.Client.ListOrdersAsync("pending"));
        Assert.Empty(_t.Alpaca.Requests);
    }

    private static decimal Number(string text) => decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
