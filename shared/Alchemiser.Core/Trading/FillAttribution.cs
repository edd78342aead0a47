namespace Alchemiser.Core.Trading;

/// <summary>
/// Splits a fill across the strategies that asked for the trade, in proportion to each strategy's share of the
/// target delta, so that the parts sum exactly to the fill.
/// </summary>
public static class FillAttribution
{
    /// <summary>
    /// The attributions of <paramref name="fillQuantity"/> (above zero) in proportion to <paramref name="shares"/>
    /// (distinct strategy ids; shares at least zero with a sum above zero, normalised by that sum). Each part is
    /// rounded down to <paramref name="decimals"/> places (0 to 28) and what rounding left over goes to the strategy
    /// with the largest share (on a tie, the ordinal-smallest id), so the parts sum exactly to the fill. Strategies
    /// whose part is zero (a zero share, or a share too small for the precision) are left out. The parts keep the
    /// order of <paramref name="shares"/>.
    /// </summary>
    public static IReadOnlyList<StrategyAttribution> Split(
        decimal fillQuantity, IReadOnlyList<(string StrategyId, decimal ShareOfDelta)> shares, int decimals = 9)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(fillQuantity, 0m);
        ArgumentNullException.ThrowIfNull(shares);
        ArgumentOutOfRangeException.ThrowIfNegative(decimals);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(decimals, 28);
        var total = Total(shares);

        var largest = -1;
        for (var i = 0; i < shares.Count; i++)
        {
            if (largest < 0
                || shares[i].ShareOfDelta > shares[largest].ShareOfDelta
                || (shares[i].ShareOfDelta == shares[largest].ShareOfDelta
                    && string.CompareOrdinal(shares[i].StrategyId, shares[largest].StrategyId) < 0))
            {
                largest = i;
            }
        }

        var parts = new decimal[shares.Count];
        var assigned = 0m;
        for (var i = 0; i < shares.Count; i++)
        {
            parts[i] = Math.Round(fillQuantity * shares[i].ShareOfDelta / total, decimals, MidpointRounding.ToZero);
            assigned += parts[i];
        }

        parts[largest] += fillQuantity - assigned;

        var attributions = new List<StrategyAttribution>(shares.Count);
        for (var i = 0; i < shares.Count; i++)
        {
            if (parts[i] > 0m)
            {
                attributions.Add(new StrategyAttribution(shares[i].StrategyId, parts[i]));
            }
        }

        return attributions.AsReadOnly();
    }

    private static decimal Total(IReadOnlyList<(string StrategyId, decimal ShareOfDelta)> shares)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var total = 0m;
        foreach (var (strategyId, share) in shares)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(strategyId, nameof(shares));
            if (!ids.Add(strategyId))
            {
                throw new ArgumentException($"strategy '{strategyId}' has two shares", nameof(shares));
            }

            if (share < 0m)
            {
                throw new ArgumentException(
                    string.Create(System.Globalization.CultureInfo.InvariantCulture, $"strategy '{strategyId}' has share {share}; a share is at least zero"),
                    nameof(shares));
            }

            total += share;
        }

        if (total <= 0m)
        {
            throw new ArgumentException("the shares sum to zero; at least one strategy needs a share above zero", nameof(shares));
        }

        return total;
    }
}
