using Alchemiser.Core.MarketData;

namespace Alchemiser.Cli.DataFetch;

/// <summary>
/// Appends freshly fetched bars to a stored series without duplicates, keeping dates strictly increasing
/// (<see cref="BarSeriesRules"/>), after checking that the two agree where they overlap: Alpaca's bars are adjusted for
/// splits and dividends as of the day they are fetched, so after a corporate action — or when the stored file came from
/// somewhere else (a synthetic market, another feed) — old and new prices do not join up, and the caller fetches the
/// whole history again instead.
/// </summary>
public static class FetchMerge
{
    /// <summary>The largest relative difference of the overlapping close still taken as the same price.</summary>
    public const decimal Tolerance = 0.000001m;

    /// <summary>
    /// <paramref name="stored"/> followed by the bars of <paramref name="fetched"/> dated after its last bar; null when
    /// <paramref name="fetched"/> has bars but disagrees with the stored last bar (a different close, or no bar on that
    /// date). Fetched bars need not be sorted; an empty fetch adds nothing.
    /// </summary>
    public static IReadOnlyList<DailyBar>? Append(IReadOnlyList<DailyBar> stored, IReadOnlyList<DailyBar> fetched)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(fetched);
        if (stored.Count == 0)
        {
            return Sorted(fetched);
        }

        if (fetched.Count == 0)
        {
            return stored;
        }

        var last = stored[^1];
        var overlap = fetched.Where(b => b.Date == last.Date).ToList();
        if (overlap.Count != 1 || !SamePrice(overlap[0].Close, last.Close))
        {
            return null;
        }

        var merged = new List<DailyBar>(stored.Count + fetched.Count);
        merged.AddRange(stored);
        merged.AddRange(Sorted(fetched.Where(b => b.Date > last.Date)));
        return merged;
    }

    /// <summary>Oldest first, one bar per date (the later of two bars of one date wins).</summary>
    public static IReadOnlyList<DailyBar> Sorted(IEnumerable<DailyBar> bars)
    {
        ArgumentNullException.ThrowIfNull(bars);
        var byDate = new SortedDictionary<DateOnly, DailyBar>();
        foreach (var bar in bars)
        {
            byDate[bar.Date] = bar;
        }

        return [.. byDate.Values];
    }

    private static bool SamePrice(decimal fetched, decimal stored) =>
        Math.Abs(fetched - stored) <= Math.Abs(stored) * Tolerance;
}
