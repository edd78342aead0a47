using Alchemiser.Alpaca.Wire;
using Alchemiser.Core.Brokerage;

namespace Alchemiser.Alpaca.Orders;

/// <summary>
/// Turns Alpaca's order (schema <c>Order</c>) into the broker port's <see cref="BrokerOrder"/>, and the port's side
/// and type into Alpaca's words.
/// </summary>
/// <remarks>
/// Alpaca has sixteen order statuses, the port seven. An order that can still fill is
/// <see cref="OrderStatus.New"/> (nothing filled yet) or <see cref="OrderStatus.PartiallyFilled"/>: <c>new</c>,
/// <c>accepted</c>, <c>pending_new</c>, <c>accepted_for_bidding</c>, <c>pending_cancel</c>, <c>pending_replace</c>,
/// <c>stopped</c>, <c>suspended</c>, <c>held</c> and any status Alpaca adds later (so an unknown status is never taken
/// for a final one). <c>done_for_day</c> ends a day order: <see cref="OrderStatus.Expired"/>; <c>calculated</c> is
/// <see cref="OrderStatus.Filled"/> when everything filled, else <see cref="OrderStatus.Expired"/>. A notional order
/// has no <c>qty</c> until it fills; its <see cref="BrokerOrder.Quantity"/> is what filled so far.
/// </remarks>
internal static class AlpacaOrderMapping
{
    /// <summary>The port's order for Alpaca's <paramref name="order"/>; a <see cref="FormatException"/> when a required field is missing or malformed.</summary>
    public static BrokerOrder ToBrokerOrder(OrderJson order)
    {
        ArgumentNullException.ThrowIfNull(order);
        var id = Required(order.Id, "order id");
        var filled = AlpacaWireFormat.Decimal(order.FilledQty, "filled_qty");
        var quantity = AlpacaWireFormat.OptionalDecimal(order.Qty, "qty") ?? filled;
        var created = AlpacaWireFormat.OptionalInstant(order.CreatedAt, "created_at");
        var submitted = AlpacaWireFormat.OptionalInstant(order.SubmittedAt, "submitted_at") ?? created
            ?? throw new FormatException($"order {id} has neither submitted_at nor created_at");
        var status = StatusOf(order.Status, filled, quantity);
        return new BrokerOrder(
            id,
            order.ClientOrderId ?? string.Empty,
            Required(order.Symbol, "symbol"),
            SideOf(order.Side),
            TypeOf(order.Type),
            quantity,
            AlpacaWireFormat.OptionalDecimal(order.LimitPrice, "limit_price"),
            status,
            filled,
            filled > 0m ? AlpacaWireFormat.OptionalDecimal(order.FilledAvgPrice, "filled_avg_price") : null,
            submitted,
            AlpacaWireFormat.OptionalInstant(order.UpdatedAt, "updated_at") ?? submitted,
            AlpacaWireFormat.OptionalInstant(order.FilledAt, "filled_at"),
            string.IsNullOrEmpty(order.ReplacedBy) ? null : order.ReplacedBy,
            ReasonOf(order.Status, filled, quantity));
    }

    /// <summary>Alpaca's <c>type</c>: <c>market</c> or <c>limit</c>.</summary>
    public static string ToWire(OrderType type) => type switch
    {
        OrderType.Market => "market",
        OrderType.Limit => "limit",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unknown order type"),
    };

    /// <summary>The port's status for Alpaca's <paramref name="status"/> of an order with <paramref name="filled"/> of <paramref name="quantity"/> done.</summary>
    public static OrderStatus StatusOf(string? status, decimal filled, decimal quantity) => status switch
    {
        "filled" => OrderStatus.Filled,
        "canceled" => OrderStatus.Canceled,
        "expired" or "done_for_day" => OrderStatus.Expired,
        "replaced" => OrderStatus.Replaced,
        "rejected" => OrderStatus.Rejected,
        "calculated" => filled >= quantity && quantity > 0m ? OrderStatus.Filled : OrderStatus.Expired,
        _ => filled > 0m ? OrderStatus.PartiallyFilled : OrderStatus.New,
    };

    private static OrderSide SideOf(string? side) =>
        OrderSides.TryFromWire(side, out var parsed) ? parsed : throw new FormatException($"side '{side}' is neither buy nor sell");

    /// <summary>Limit for <c>limit</c> and <c>stop_limit</c> (they carry a limit price), market for the rest.</summary>
    private static OrderType TypeOf(string? type) => type switch
    {
        "limit" or "stop_limit" => OrderType.Limit,
        "market" or "stop" or "trailing_stop" => OrderType.Market,
        _ => throw new FormatException($"order type '{type}' is unknown"),
    };

    private static string? ReasonOf(string? status, decimal filled, decimal quantity) => status switch
    {
        "rejected" => "rejected by Alpaca or the exchange",
        "expired" => "expired unfilled at the end of its time in force",
        "done_for_day" => "done for the day with part of it unfilled",
        "calculated" when filled < quantity || quantity == 0m => "done for the day with part of it unfilled",
        _ => null,
    };

    private static string Required(string? value, string field) =>
        string.IsNullOrEmpty(value) ? throw new FormatException($"{field} is missing") : value;
}
