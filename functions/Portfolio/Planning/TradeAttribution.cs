using Alchemiser.Core.Brokerage;
using Alchemiser.Core.Events;

namespace Alchemiser.Portfolio.Planning;

/// <summary>
/// Which strategies a trade is for: each strategy's share of the symbol's target delta. Strategy <c>i</c> wants
/// <c>capital × effective weight(i) × allocation(i, symbol)</c> and holds what the ledger attributes to it; a buy is
/// split among the strategies that want more, in proportion to how much more, and a sell among those that want less.
/// </summary>
/// <remarks>
/// When no strategy's delta has the trade's side (the ledger does not know the position, e.g. shares bought by hand),
/// a buy falls back to the strategies' target values and a sell to their held values; when there is nothing to go
/// by at all, the whole trade is <see cref="Unattributed"/>. Shares are rounded to 12 places and sum to 1 within that.
/// </remarks>
public static class TradeAttribution
{
    /// <summary>The strategy id of a trade no strategy can be held responsible for.</summary>
    public const string Unattributed = "unattributed";

    /// <summary>The shares of a trade of <paramref name="symbol"/> on <paramref name="side"/>, ordinal by strategy id.</summary>
    /// <param name="heldValueByStrategy">The symbol's current market value attributed to each strategy by the ledger.</param>
    public static IReadOnlyList<StrategyShare> For(
        string symbol,
        OrderSide side,
        decimal capital,
        IReadOnlyList<StrategyContributionSummary> contributions,
        IReadOnlyDictionary<string, decimal> heldValueByStrategy)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        ArgumentNullException.ThrowIfNull(contributions);
        ArgumentNullException.ThrowIfNull(heldValueByStrategy);

        var wanted = new SortedDictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var contribution in contributions)
        {
            var weight = contribution.Allocation.GetValueOrDefault(symbol);
            wanted[contribution.StrategyId] = capital * contribution.EffectiveWeight * weight;
        }

        foreach (var strategyId in heldValueByStrategy.Keys)
        {
            wanted.TryAdd(strategyId, 0m);
        }

        var deltas = new SortedDictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var (strategyId, target) in wanted)
        {
            var delta = target - heldValueByStrategy.GetValueOrDefault(strategyId);
            var sided = side == OrderSide.Buy ? delta : -delta;
            if (sided > 0m)
            {
                deltas[strategyId] = sided;
            }
        }

        if (deltas.Count == 0)
        {
            var fallback = side == OrderSide.Buy ? wanted : new SortedDictionary<string, decimal>(heldValueByStrategy.ToDictionary(), StringComparer.Ordinal);
            foreach (var (strategyId, value) in fallback)
            {
                if (value > 0m)
                {
                    deltas[strategyId] = value;
                }
            }
        }

        if (deltas.Count == 0)
        {
            return [new StrategyShare(Unattributed, 1m)];
        }

        var total = deltas.Values.Sum();
        return [.. deltas.Select(d => new StrategyShare(d.Key, Math.Round(d.Value / total, 12, MidpointRounding.ToEven)))];
    }
}
