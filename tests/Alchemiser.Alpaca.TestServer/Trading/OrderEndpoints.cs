using Alchemiser.Alpaca.TestServer.Http;
using Alchemiser.Alpaca.TestServer.Wire;
using Alchemiser.Core.Brokerage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Alchemiser.Alpaca.TestServer.Trading;

/// <summary>
/// The orders API (postOrder, getAllOrders, deleteAllOrders, getOrderByOrderID, patchOrderByOrderId,
/// deleteOrderByOrderID, getOrderByClientOrderId) over the broker port. Listing and cancel-all work on the orders the
/// server has seen (<see cref="OrderRegistry"/>), since the port has neither.
/// </summary>
internal sealed class OrderEndpoints(ServerState state)
{
    private const int DefaultListLimit = 50;
    private const int MaximumListLimit = 500;

    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost("/v2/orders", new RequestDelegate(PlaceAsync));
        routes.MapGet("/v2/orders", new RequestDelegate(ListAsync));
        routes.MapDelete("/v2/orders", new RequestDelegate(CancelAllAsync));
        routes.MapGet("/v2/orders/{order_id}", new RequestDelegate(GetAsync));
        routes.MapPatch("/v2/orders/{order_id}", new RequestDelegate(ReplaceAsync));
        routes.MapDelete("/v2/orders/{order_id}", new RequestDelegate(CancelAsync));
        routes.MapGet("/v2/orders:by_client_order_id", new RequestDelegate(GetByClientOrderIdAsync));
    }

    private async Task PlaceAsync(HttpContext context)
    {
        var form = OrderFormReader.Read(RequestText.Of(context));
        var quantity = form.Quantity ?? await QuantityForNotionalAsync(form, form.Notional!.Value);
        var request = new OrderRequest(form.ClientOrderId ?? NewClientOrderId(), form.Symbol, form.Side, quantity, form.Type, form.LimitPrice);
        BrokerOrder placed;
        try
        {
            placed = await state.Broker.SubmitOrderAsync(request, state.Stopping);
        }
        catch (OrderRejectedException rejection)
        {
            throw await BrokerRejections.ToApiAsync(rejection, form.Side, form.Symbol, state.Broker, state.Stopping);
        }

        await WriteAsync(context, state.Orders.Track(placed, form.Notional));
    }

    private async Task ListAsync(HttpContext context)
    {
        var query = QueryReader.Trading(context.Request);
        var status = query.OneOf("status", "open", "closed", "all") ?? "open";
        var limit = Math.Min(query.Integer("limit", 1, int.MaxValue) ?? DefaultListLimit, MaximumListLimit);
        var after = query.Instant("after", dateMeansEndOfDay: false);
        var until = query.Instant("until", dateMeansEndOfDay: false);
        var ascending = (query.OneOf("direction", "asc", "desc") ?? "desc") == "asc";
        query.Boolean("nested");
        var symbols = query.List("symbols");
        var side = query.OneOf("side", "buy", "sell");
        var classes = query.List("asset_class");
        if (classes.FirstOrDefault(c => c is not ("us_equity" or "us_option" or "crypto" or "all")) is { } unknownClass)
        {
            throw query.Refuse($"invalid asset_class: \"{unknownClass}\"");
        }

        var beforeOrder = OrderOfQuery(query, "before_order_id");
        var afterOrder = OrderOfQuery(query, "after_order_id");
        if (beforeOrder is not null && afterOrder is not null)
        {
            throw query.Refuse("before_order_id and after_order_id are mutually exclusive");
        }

        if ((beforeOrder is not null || afterOrder is not null) && (after is not null || until is not null))
        {
            throw query.Refuse("before_order_id and after_order_id cannot be combined with after or until");
        }

        var all = (await state.Orders.CurrentAsync(state.Broker, state.Stopping))
            .OrderBy(o => o.Latest.SubmittedAt)
            .ThenBy(o => o.Sequence)
            .ToList();
        var beforeIndex = IndexOf(all, beforeOrder, "before_order_id", query);
        var afterIndex = IndexOf(all, afterOrder, "after_order_id", query);
        var selected = all
            .Where((o, index) =>
                (status == "all" || (status == "open") == o.Latest.IsOpen)
                && (classes.Count == 0 || classes.Contains("us_equity") || classes.Contains("all"))
                && (symbols.Count == 0 || symbols.Contains(o.Latest.Symbol, StringComparer.Ordinal))
                && (side is null || side == (o.Latest.Side == OrderSide.Buy ? "buy" : "sell"))
                && (after is null || o.Latest.SubmittedAt > after)
                && (until is null || o.Latest.SubmittedAt < until)
                && (beforeIndex is null || index < beforeIndex)
                && (afterIndex is null || index > afterIndex));
        var page = (ascending ? selected : selected.Reverse()).Take(limit).Select(o => OrderRendering.ToJson(o, state.Ids)).ToArray();
        await ResponseWriter.OkAsync<IReadOnlyList<OrderJson>>(context, page, AlpacaJsonContext.Default.IReadOnlyListOrderJson);
    }

    private async Task CancelAllAsync(HttpContext context)
    {
        var results = new List<CanceledOrderJson>();
        foreach (var order in await state.Orders.CurrentAsync(state.Broker, state.Stopping))
        {
            if (!order.Latest.IsOpen)
            {
                continue;
            }

            await state.Broker.CancelOrderAsync(order.Latest.Id, state.Stopping);
            var after = state.Orders.Track(await state.Broker.GetOrderAsync(order.Latest.Id, state.Stopping)).Latest;
            var status = after.Status == OrderStatus.Canceled ? StatusCodes.Status200OK : StatusCodes.Status422UnprocessableEntity;
            results.Add(new CanceledOrderJson(state.Ids.OrderId(order.Latest.Id), status));
        }

        await ResponseWriter.JsonAsync<IReadOnlyList<CanceledOrderJson>>(
            context, StatusCodes.Status207MultiStatus, results, AlpacaJsonContext.Default.IReadOnlyListCanceledOrderJson);
    }

    private async Task GetAsync(HttpContext context)
    {
        QueryReader.Trading(context.Request).Boolean("nested");
        var order = await state.Broker.GetOrderAsync(BrokerOrderIdOf(context), state.Stopping);
        await WriteAsync(context, state.Orders.Track(order));
    }

    private async Task GetByClientOrderIdAsync(HttpContext context)
    {
        var clientOrderId = QueryReader.Trading(context.Request).Text("client_order_id")
            ?? throw AlpacaErrorResponse.Unprocessable("client_order_id is required");
        var order = await state.Broker.GetOrderByClientIdAsync(clientOrderId, state.Stopping) ?? throw AlpacaErrorResponse.OrderNotFound();
        await WriteAsync(context, state.Orders.Track(order));
    }

    /// <summary>
    /// Replaces an open limit order: the new order (new id, <c>replaces</c> the old one) keeps the old quantity and
    /// limit price unless the body changes them; the old order ends <c>replaced</c>.
    /// </summary>
    private async Task ReplaceAsync(HttpContext context)
    {
        var brokerOrderId = BrokerOrderIdOf(context);
        var form = ReplaceFormReader.Read(RequestText.Of(context));
        var old = state.Orders.Track(await state.Broker.GetOrderAsync(brokerOrderId, state.Stopping)).Latest;
        RequireOpen(old);
        if (old.Type != OrderType.Limit || old.LimitPrice is not { } oldLimit)
        {
            throw AlpacaErrorResponse.Unprocessable("only limit orders can be replaced by the test server");
        }

        var replacement = new OrderReplacement(form.ClientOrderId ?? NewClientOrderId(), form.Quantity ?? old.Quantity, form.LimitPrice ?? oldLimit);
        BrokerOrder created;
        try
        {
            created = await state.Broker.ReplaceOrderAsync(brokerOrderId, replacement, state.Stopping);
        }
        catch (OrderRejectedException rejection)
        {
            throw await BrokerRejections.ToApiAsync(rejection, old.Side, old.Symbol, state.Broker, state.Stopping);
        }

        state.Orders.Track(await state.Broker.GetOrderAsync(brokerOrderId, state.Stopping));
        await WriteAsync(context, state.Orders.Track(created, replacesBrokerOrderId: brokerOrderId));
    }

    private async Task CancelAsync(HttpContext context)
    {
        var brokerOrderId = BrokerOrderIdOf(context);
        RequireOpen(state.Orders.Track(await state.Broker.GetOrderAsync(brokerOrderId, state.Stopping)).Latest);
        await state.Broker.CancelOrderAsync(brokerOrderId, state.Stopping);
        state.Orders.Track(await state.Broker.GetOrderAsync(brokerOrderId, state.Stopping));
        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    /// <summary>
    /// Shares for a notional market order: the dollars over the price it would trade at now (the ask for a buy, the
    /// bid for a sell; the last trade when the quote is one-sided), rounded down to nine decimals. Notional orders are
    /// fractional, so the asset must be fractionable.
    /// </summary>
    private async Task<decimal> QuantityForNotionalAsync(OrderForm form, decimal notional)
    {
        var asset = await state.Broker.GetAssetAsync(form.Symbol, state.Stopping) ?? throw AlpacaErrorResponse.Unprocessable($"asset \"{form.Symbol}\" not found");
        if (!asset.Tradable)
        {
            throw AlpacaErrorResponse.Unprocessable($"asset \"{form.Symbol}\" is not tradable");
        }

        if (!asset.Fractionable)
        {
            throw AlpacaErrorResponse.Unprocessable($"asset \"{form.Symbol}\" is not fractionable");
        }

        var quotes = await state.Broker.GetLatestQuotesAsync([form.Symbol], state.Stopping);
        var price = quotes.TryGetValue(form.Symbol, out var quote) && quote.IsTwoSided
            ? (form.Side == OrderSide.Buy ? quote.Ask : quote.Bid)
            : (await state.Broker.GetLatestPricesAsync([form.Symbol], state.Stopping)).GetValueOrDefault(form.Symbol)?.Price;
        if (price is not { } perShare)
        {
            throw AlpacaErrorResponse.Unprocessable($"no quote or trade for \"{form.Symbol}\" to size the notional order");
        }

        var quantity = Math.Round(notional / perShare, OrderFields.QuantityDecimals, MidpointRounding.ToZero);
        return quantity > 0m ? quantity : throw AlpacaErrorResponse.Unprocessable("notional is too small for the smallest fraction of a share");
    }

    /// <summary>The broker id behind the <c>order_id</c> route value; 404 for an id the server never handed out.</summary>
    private string BrokerOrderIdOf(HttpContext context) =>
        context.Request.RouteValues["order_id"] is string orderId && state.Ids.BrokerOrderId(orderId) is { } brokerOrderId
            ? brokerOrderId
            : throw AlpacaErrorResponse.OrderNotFound();

    /// <summary>The broker id of the order named by query parameter <paramref name="name"/>; null when absent.</summary>
    private string? OrderOfQuery(QueryReader query, string name) =>
        query.Text(name) is { } orderId
            ? state.Ids.BrokerOrderId(orderId) ?? throw query.Refuse($"invalid {name}: no order \"{orderId}\"")
            : null;

    /// <summary>Where the order named by query parameter <paramref name="name"/> stands in <paramref name="orders"/>; null when the parameter is absent.</summary>
    private static int? IndexOf(List<TrackedOrder> orders, string? brokerOrderId, string name, QueryReader query)
    {
        if (brokerOrderId is null)
        {
            return null;
        }

        var index = orders.FindIndex(o => o.Latest.Id == brokerOrderId);
        return index >= 0 ? index : throw query.Refuse($"invalid {name}: the order is not known to the server");
    }

    /// <summary>Refuses to change an order that is no longer open (422, 42210000), as Alpaca does.</summary>
    private static void RequireOpen(BrokerOrder order)
    {
        if (!order.IsOpen)
        {
            throw new AlpacaErrorResponse(422, AlpacaErrorResponse.OrderStateCode, $"order is already in \"{OrderStatusText.Of(order.Status)}\" state");
        }
    }

    /// <summary>A generated client order id, as Alpaca makes one when none is sent.</summary>
    private static string NewClientOrderId() => Guid.NewGuid().ToString("D");

    private Task WriteAsync(HttpContext context, TrackedOrder order) =>
        ResponseWriter.OkAsync(context, OrderRendering.ToJson(order, state.Ids), AlpacaJsonContext.Default.OrderJson);
}
