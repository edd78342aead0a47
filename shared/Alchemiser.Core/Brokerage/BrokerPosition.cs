namespace Alchemiser.Core.Brokerage;

/// <summary>One long position as the broker reports it.</summary>
/// <param name="Quantity">Shares held, &gt; 0; may be fractional.</param>
/// <param name="AverageEntryPrice">What a share cost on average.</param>
/// <param name="CurrentPrice">The broker's current price.</param>
/// <param name="MarketValue">Quantity × current price.</param>
public sealed record BrokerPosition(string Symbol, decimal Quantity, decimal AverageEntryPrice, decimal CurrentPrice, decimal MarketValue)
{
    /// <summary>What the shares cost: quantity × average entry price.</summary>
    public decimal CostBasis => Quantity * AverageEntryPrice;

    /// <summary>Market value − cost basis.</summary>
    public decimal UnrealizedProfitLoss => MarketValue - CostBasis;
}
