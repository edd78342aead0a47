namespace Alchemiser.Execution;

/// <summary>
/// Scales the buy phase pro rata to what the account can pay. Pure. When the buys cost more at current asks than
/// buying power × (1 − buffer), every buy is multiplied by the same factor, so no symbol is favoured: a whole-share
/// quantity stays whole (rounded down), a fractional one is rounded toward zero to 9 places. The scaled buys never cost
/// more than the budget.
/// </summary>
public static class BuyScaling
{
    /// <summary>Decimal places of a fractional quantity (the broker's precision).</summary>
    public const int FractionalDecimals = 9;

    /// <summary>What the buy phase may spend: buying power × (1 − buffer), never below zero.</summary>
    public static decimal Budget(decimal buyingPower, decimal buffer) => Math.Max(0m, buyingPower * (1m - buffer));

    /// <summary>The factor every buy is multiplied by: 1 when <paramref name="cost"/> fits in <paramref name="budget"/>, else budget / cost.</summary>
    public static decimal Factor(decimal cost, decimal budget)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(cost);
        return cost <= budget ? 1m : Math.Max(0m, budget) / cost;
    }

    /// <summary><paramref name="quantity"/> × <paramref name="factor"/>, whole quantities kept whole, fractions rounded toward zero.</summary>
    public static decimal Scale(decimal quantity, decimal factor)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(quantity);
        ArgumentOutOfRangeException.ThrowIfNegative(factor);
        if (factor >= 1m)
        {
            return quantity;
        }

        var scaled = quantity * factor;
        return quantity == Math.Truncate(quantity) ? Math.Truncate(scaled) : Math.Round(scaled, FractionalDecimals, MidpointRounding.ToZero);
    }

    /// <summary>The buys (quantity at a price) scaled to <paramref name="budget"/>, in the order given.</summary>
    public static IReadOnlyList<decimal> ScaleToBudget(IReadOnlyList<(decimal Quantity, decimal Price)> buys, decimal budget)
    {
        ArgumentNullException.ThrowIfNull(buys);
        var cost = 0m;
        foreach (var (quantity, price) in buys)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(quantity, nameof(buys));
            ArgumentOutOfRangeException.ThrowIfNegative(price, nameof(buys));
            cost += quantity * price;
        }

        var factor = Factor(cost, budget);
        return buys.Select(b => Scale(b.Quantity, factor)).ToList();
    }
}
