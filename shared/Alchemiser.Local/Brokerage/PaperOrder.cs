using Alchemiser.Core.Brokerage;

namespace Alchemiser.Local.Brokerage;

/// <summary>
/// An order as the paper broker keeps it: the port's view plus what matching needs — its number (the order of
/// arrival), the price per share it holds against buying power, the exact notional filled so far, and when it expires.
/// </summary>
internal sealed class PaperOrder
{
    public required string Id { get; init; }

    /// <summary>Position in the account's order sequence; earlier orders match first.</summary>
    public required long Number { get; init; }

    public required string ClientOrderId { get; init; }

    public required string Symbol { get; init; }

    public required OrderSide Side { get; init; }

    public required OrderType Type { get; init; }

    public required decimal Quantity { get; init; }

    public required decimal? LimitPrice { get; init; }

    /// <summary>For a buy, the price per share its unfilled shares hold against buying power (the limit, or the ask when a market order was placed); null for a sell.</summary>
    public required decimal? ReservePrice { get; init; }

    public required DateTimeOffset SubmittedAt { get; init; }

    /// <summary>The close of the session it was placed in: a day order still open then expires.</summary>
    public required DateTimeOffset ExpiresAt { get; init; }

    public OrderStatus Status { get; set; } = OrderStatus.New;

    public decimal FilledQuantity { get; set; }

    /// <summary>Σ quantity × price over its fills, exact.</summary>
    public decimal FilledNotional { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? FilledAt { get; set; }

    public string? ReplacedBy { get; set; }

    public string? Reason { get; set; }

    public bool IsOpen => Status is OrderStatus.New or OrderStatus.PartiallyFilled;

    public decimal RemainingQuantity => Quantity - FilledQuantity;

    /// <summary>What it holds against buying power now: reserve price × unfilled shares for an open buy, else 0.</summary>
    public decimal ReservedCash => IsOpen && Side == OrderSide.Buy ? (ReservePrice ?? 0m) * RemainingQuantity : 0m;

    public BrokerOrder ToBrokerOrder() => new(
        Id,
        ClientOrderId,
        Symbol,
        Side,
        Type,
        Quantity,
        LimitPrice,
        Status,
        FilledQuantity,
        FilledQuantity == 0m ? null : FilledNotional / FilledQuantity,
        SubmittedAt,
        UpdatedAt,
        FilledAt,
        ReplacedBy,
        Reason);
}
