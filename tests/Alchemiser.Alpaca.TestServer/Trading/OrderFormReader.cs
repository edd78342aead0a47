using Alchemiser.Alpaca.TestServer.Http;
using Alchemiser.Core.Brokerage;

namespace Alchemiser.Alpaca.TestServer.Trading;

/// <summary>
/// Reads a POST /v2/orders body the way Alpaca validates it, for what the simulator trades: simple market and limit
/// day orders for US equities, by quantity (fractional for market orders only, as the spec says of fractional
/// quantities) or, for market orders, by notional (at least $1, cents). Every refusal is a 422 (40010001) naming the
/// field; a field the spec does not have is refused too.
/// </summary>
internal static class OrderFormReader
{
    private static readonly IReadOnlySet<string> Known = new HashSet<string>(StringComparer.Ordinal)
    {
        "symbol", "qty", "notional", "side", "type", "time_in_force", "limit_price", "stop_price", "trail_price",
        "trail_percent", "extended_hours", "client_order_id", "order_class", "legs", "take_profit", "stop_loss",
        "position_intent", "advanced_instructions",
    };

    public static OrderForm Read(string text)
    {
        var body = JsonBody.Parse(text);
        body.RejectUnknown(Known);
        OrderFields.RejectUnsupported(body, "stop_price", "trail_price", "trail_percent", "legs", "take_profit", "stop_loss", "advanced_instructions");
        if (body.Boolean("extended_hours") == true)
        {
            throw AlpacaErrorResponse.Unprocessable("extended_hours is not supported by the test server (regular hours only)");
        }

        if (body.String("order_class") is { } orderClass and not ("" or "simple"))
        {
            throw AlpacaErrorResponse.Unprocessable($"order_class \"{orderClass}\" is not supported by the test server (simple orders only)");
        }

        var symbol = body.String("symbol");
        if (string.IsNullOrWhiteSpace(symbol))
        {
            throw AlpacaErrorResponse.Unprocessable("symbol is required");
        }

        var side = Side(body.String("side"));
        CheckPositionIntent(body.String("position_intent"), side);
        var type = Type(body.String("type"));
        OrderFields.CheckTimeInForce(body.String("time_in_force"), required: true);
        var quantity = OrderFields.Quantity(body);
        var notional = Notional(body);
        var limitPrice = OrderFields.LimitPrice(body);
        switch (quantity, notional)
        {
            case (null, null):
                throw AlpacaErrorResponse.Unprocessable("qty or notional is required");
            case (not null, not null):
                throw AlpacaErrorResponse.Unprocessable("qty and notional are mutually exclusive");
        }

        if (type == OrderType.Limit && limitPrice is null)
        {
            throw AlpacaErrorResponse.Unprocessable("limit_price is required for limit orders");
        }

        if (type == OrderType.Market && limitPrice is not null)
        {
            throw AlpacaErrorResponse.Unprocessable("limit_price must not be given for market orders");
        }

        if (type != OrderType.Market && notional is not null)
        {
            throw AlpacaErrorResponse.Unprocessable("notional orders must be market orders");
        }

        if (type != OrderType.Market && quantity is { } qty && qty != decimal.Truncate(qty))
        {
            throw AlpacaErrorResponse.Unprocessable("fractional orders must be market orders with time_in_force day");
        }

        return new OrderForm(symbol, side, type, quantity, notional, limitPrice, OrderFields.ClientOrderId(body));
    }

    private static OrderSide Side(string? side) => side switch
    {
        null => throw AlpacaErrorResponse.Unprocessable("side is required"),
        "buy" => OrderSide.Buy,
        "sell" => OrderSide.Sell,
        _ => throw AlpacaErrorResponse.Unprocessable($"invalid side \"{side}\""),
    };

    private static OrderType Type(string? type) => type switch
    {
        null => throw AlpacaErrorResponse.Unprocessable("type is required"),
        "market" => OrderType.Market,
        "limit" => OrderType.Limit,
        "stop" or "stop_limit" or "trailing_stop" => throw AlpacaErrorResponse.Unprocessable($"order type \"{type}\" is not supported by the test server (market and limit only)"),
        _ => throw AlpacaErrorResponse.Unprocessable($"invalid order type \"{type}\""),
    };

    /// <summary>An intent must agree with the side (a buy opens or closes with <c>buy_to_*</c>, a sell with <c>sell_to_*</c>).</summary>
    private static void CheckPositionIntent(string? intent, OrderSide side)
    {
        switch (intent)
        {
            case null:
                return;
            case "buy_to_open" or "buy_to_close" when side == OrderSide.Buy:
            case "sell_to_open" or "sell_to_close" when side == OrderSide.Sell:
                return;
            case "buy_to_open" or "buy_to_close" or "sell_to_open" or "sell_to_close":
                throw AlpacaErrorResponse.Unprocessable($"position_intent \"{intent}\" does not match side");
            default:
                throw AlpacaErrorResponse.Unprocessable($"invalid position_intent \"{intent}\"");
        }
    }

    /// <summary>Dollars of at least 1, whole cents, or null.</summary>
    private static decimal? Notional(JsonBody body)
    {
        var notional = body.Decimal("notional");
        if (notional is { } value)
        {
            if (value < 1m)
            {
                throw AlpacaErrorResponse.Unprocessable("notional must be >= 1");
            }

            if (Math.Round(value, 2) != value)
            {
                throw AlpacaErrorResponse.Unprocessable("notional must be limited to 2 decimal places");
            }
        }

        return notional;
    }
}
