namespace Alchemiser.Core.Allocation;

/// <summary>
/// Turns positive weights into an allocation whose weights have 10 decimal places and sum to exactly 1
/// (DSL.md §8 rules 2–5): divide by the sum, round half-to-even, drop zeros, add the residual to the largest weight
/// (ties: ordinal-smallest ticker), sort by ticker ordinally.
/// </summary>
public static class AllocationRounding
{
    public const int Decimals = 10;

    /// <param name="weights">Ticker → weight, every weight &gt; 0, tickers unique.</param>
    /// <returns>The rounded allocation, or an empty list when nothing survives rounding.</returns>
    public static List<KeyValuePair<string, decimal>> ToUnitSum(IReadOnlyList<KeyValuePair<string, decimal>> weights)
    {
        var sum = 0m;
        foreach (var (_, w) in weights)
        {
            sum += w;
        }

        var rounded = new List<KeyValuePair<string, decimal>>(weights.Count);
        var total = 0m;
        foreach (var (ticker, w) in weights)
        {
            var r = Math.Round(w / sum, Decimals, MidpointRounding.ToEven);
            if (r != 0m)
            {
                rounded.Add(new(ticker, r));
                total += r;
            }
        }

        if (rounded.Count == 0)
        {
            return rounded;
        }

        var largest = 0;
        for (var i = 1; i < rounded.Count; i++)
        {
            var cmp = rounded[i].Value.CompareTo(rounded[largest].Value);
            if (cmp > 0 || (cmp == 0 && string.CompareOrdinal(rounded[i].Key, rounded[largest].Key) < 0))
            {
                largest = i;
            }
        }

        rounded[largest] = new(rounded[largest].Key, rounded[largest].Value + (1m - total));
        rounded.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        return rounded;
    }
}
