namespace Alchemiser.Core.Trading;

/// <summary>
/// One row of the trade ledger: one fill of one order. <see cref="FillId"/> is unique and deterministic (for example
/// the broker order id and the fill's sequence number), so recording the same fill twice is recognised and ignored.
/// <see cref="Side"/> is <see cref="FillSides.Buy"/> or <see cref="FillSides.Sell"/>; <see cref="Attribution"/> splits
/// <see cref="Quantity"/> across the strategies that wanted the trade. Timestamps are UTC instants.
/// </summary>
public sealed record LedgerFill(
    string FillId,
    string CorrelationId,
    DateOnly TradingDate,
    string Symbol,
    string Side,
    decimal Quantity,
    decimal Price,
    string ClientOrderId,
    string? BrokerOrderId,
    IReadOnlyList<StrategyAttribution> Attribution,
    DateTimeOffset FilledAt,
    DateTimeOffset RecordedAt)
{
    /// <summary>What the fill was worth: quantity times price.</summary>
    public decimal Notional => Quantity * Price;
}
