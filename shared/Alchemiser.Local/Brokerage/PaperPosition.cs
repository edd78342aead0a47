using System.Globalization;

namespace Alchemiser.Local.Brokerage;

/// <summary>
/// A long position as the paper broker keeps it: shares held (&gt; 0) and what they cost. The cost is the exact sum
/// of what the shares were bought for, so buying never rounds; a sale takes off its share of the cost, keeping the
/// average entry price.
/// </summary>
internal sealed class PaperPosition(string symbol, decimal quantity, decimal costBasis)
{
    public string Symbol { get; } = symbol;

    public decimal Quantity { get; private set; } = quantity;

    /// <summary>What the shares held cost in all.</summary>
    public decimal CostBasis { get; private set; } = costBasis;

    /// <summary>What a share cost on average: cost basis ÷ quantity.</summary>
    public decimal AverageEntryPrice => CostBasis / Quantity;

    /// <summary>Adds bought shares at their cost.</summary>
    public void Buy(decimal quantity, decimal price)
    {
        Quantity += quantity;
        CostBasis += quantity * price;
    }

    /// <summary>Takes sold shares off with their share of the cost.</summary>
    public void Sell(decimal quantity)
    {
        if (quantity > Quantity)
        {
            throw new InvalidOperationException(
                string.Create(CultureInfo.InvariantCulture, $"cannot sell {quantity} {Symbol}: the paper account holds {Quantity}; its database is inconsistent"));
        }

        if (quantity == Quantity)
        {
            (Quantity, CostBasis) = (0m, 0m);
            return;
        }

        CostBasis -= CostBasis * quantity / Quantity;
        Quantity -= quantity;
    }
}
