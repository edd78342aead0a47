namespace Alchemiser.Core.Allocation;

/// <summary>
/// The target portfolio of a run: Σ over strategies of (strategy weight × allocation), normalized to exactly 1 with
/// <see cref="AllocationRounding"/>, plus which strategy contributed how much to each ticker (for attribution).
/// </summary>
public sealed record ConsolidatedAllocation(
    IReadOnlyList<KeyValuePair<string, decimal>> Weights,
    IReadOnlyDictionary<string, IReadOnlyList<KeyValuePair<string, decimal>>> ContributionsByTicker)
{
    public static ConsolidatedAllocation Merge(IReadOnlyList<StrategyContribution> contributions)
    {
        ArgumentNullException.ThrowIfNull(contributions);
        var order = new List<string>();
        var totals = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var byTicker = new Dictionary<string, List<KeyValuePair<string, decimal>>>(StringComparer.Ordinal);
        foreach (var contribution in contributions)
        {
            if (contribution.StrategyWeight <= 0m)
            {
                throw new ArgumentException($"strategy '{contribution.StrategyId}' has weight {contribution.StrategyWeight}; weights must be > 0", nameof(contributions));
            }

            foreach (var (ticker, weight) in contribution.Allocation)
            {
                var share = contribution.StrategyWeight * weight;
                if (!totals.TryGetValue(ticker, out var total))
                {
                    order.Add(ticker);
                    byTicker[ticker] = [];
                }

                totals[ticker] = total + share;
                byTicker[ticker].Add(new(contribution.StrategyId, share));
            }
        }

        var positive = order.Where(t => totals[t] > 0m).Select(t => new KeyValuePair<string, decimal>(t, totals[t])).ToList();
        var weights = positive.Count == 0 ? [] : AllocationRounding.ToUnitSum(positive);
        return new ConsolidatedAllocation(
            weights,
            byTicker.ToDictionary(p => p.Key, p => (IReadOnlyList<KeyValuePair<string, decimal>>)p.Value, StringComparer.Ordinal));
    }
}
