namespace Alchemiser.Core.Trading;

/// <summary>
/// How many shares of a symbol the ledger attributes to each strategy: Σ bought − Σ sold of its attributions. A
/// strategy whose net is zero or below (it sold what it had, or more than the ledger saw it buy) holds nothing.
/// </summary>
public static class StrategyHoldings
{
    /// <summary>Strategy id → shares held, for <paramref name="fills"/> of one symbol; ordinal by strategy id.</summary>
    public static IReadOnlyDictionary<string, decimal> Of(IEnumerable<LedgerFill> fills)
    {
        ArgumentNullException.ThrowIfNull(fills);
        var net = new SortedDictionary<string, decimal>(StringComparer.Ordinal);
        string? symbol = null;
        foreach (var fill in fills)
        {
            if (symbol is not null && !string.Equals(symbol, fill.Symbol, StringComparison.Ordinal))
            {
                throw new ArgumentException($"holdings are per symbol; the fills mix {symbol} and {fill.Symbol}", nameof(fills));
            }

            symbol = fill.Symbol;
            var sign = string.Equals(fill.Side, FillSides.Buy, StringComparison.Ordinal) ? 1m : -1m;
            foreach (var part in fill.Attribution)
            {
                net[part.StrategyId] = net.GetValueOrDefault(part.StrategyId) + (sign * part.Quantity);
            }
        }

        return net.Where(h => h.Value > 0m).ToDictionary(h => h.Key, h => h.Value, StringComparer.Ordinal);
    }
}
