namespace Alchemiser.Alpaca.TestServer.Wire;

/// <summary>
/// An order (components/schemas/Order), every field Alpaca sends for a simple equity order, nulls included
/// (<c>notional</c> is required even when null).
/// </summary>
internal sealed record OrderJson
{
    public required string Id { get; init; }

    public required string ClientOrderId { get; init; }

    public required string CreatedAt { get; init; }

    public required string? UpdatedAt { get; init; }

    public required string? SubmittedAt { get; init; }

    public required string? FilledAt { get; init; }

    public required string? ExpiredAt { get; init; }

    public required string? CanceledAt { get; init; }

    public required string? FailedAt { get; init; }

    public required string? ReplacedAt { get; init; }

    public required string? ReplacedBy { get; init; }

    public required string? Replaces { get; init; }

    public required string AssetId { get; init; }

    public required string Symbol { get; init; }

    public required string AssetClass { get; init; }

    public required string? Notional { get; init; }

    public required string? Qty { get; init; }

    public required string FilledQty { get; init; }

    public required string? FilledAvgPrice { get; init; }

    public required string OrderClass { get; init; }

    public required string OrderType { get; init; }

    public required string Type { get; init; }

    public required string Side { get; init; }

    public required string PositionIntent { get; init; }

    public required string TimeInForce { get; init; }

    public required string? LimitPrice { get; init; }

    public required string? StopPrice { get; init; }

    public required string Status { get; init; }

    public required bool ExtendedHours { get; init; }

    public required IReadOnlyList<OrderJson>? Legs { get; init; }

    public required string? TrailPercent { get; init; }

    public required string? TrailPrice { get; init; }

    public required string? Hwm { get; init; }
}
