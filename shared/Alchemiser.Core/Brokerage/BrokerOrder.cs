namespace Alchemiser.Core.Brokerage;

/// <summary>An order as the broker reports it.</summary>
/// <param name="Id">The broker's order id.</param>
/// <param name="FilledQuantity">Shares filled so far.</param>
/// <param name="FilledAveragePrice">Average price of what filled; null while nothing has.</param>
/// <param name="ReplacedBy">The id of the order that replaced this one, when <see cref="Status"/> is <see cref="OrderStatus.Replaced"/>.</param>
/// <param name="RejectReason">Why the broker rejected or expired the order.</param>
public sealed record BrokerOrder(
    string Id,
    string ClientOrderId,
    string Symbol,
    OrderSide Side,
    OrderType Type,
    decimal Quantity,
    decimal? LimitPrice,
    OrderStatus Status,
    decimal FilledQuantity,
    decimal? FilledAveragePrice,
    DateTimeOffset SubmittedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? FilledAt,
    string? ReplacedBy,
    string? RejectReason)
{
    /// <summary>The order can still fill.</summary>
    public bool IsOpen => Status is OrderStatus.New or OrderStatus.PartiallyFilled;

    /// <summary>Shares not filled yet.</summary>
    public decimal RemainingQuantity => Quantity - FilledQuantity;

    /// <summary>Filled quantity × average price (0 while nothing has filled).</summary>
    public decimal FilledNotional => FilledQuantity * (FilledAveragePrice ?? 0m);
}
