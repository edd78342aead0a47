using Alchemiser.Alpaca.TestServer.Wire;
using Alchemiser.Core.MarketData;

namespace Alchemiser.Alpaca.TestServer.MarketData;

/// <summary>
/// Pages daily bars the way Alpaca does for a multi-symbol request: one sequence ordered by symbol (ordinal), then by
/// time (ascending, or descending with <c>sort=desc</c>); a page takes up to <c>pageSize</c> bars of that sequence
/// across symbols, and its token resumes right after its last bar. A daily bar starts at midnight New York. The store
/// keeps neither trade counts nor VWAP, so <c>n</c> is 0 and <c>vw</c> the bar's typical price (high + low + close) / 3,
/// to four places. Symbols the store does not hold, or with no bar in the range, are left out.
/// </summary>
internal static class BarPager
{
    private const int VwapDecimals = 4;

    public static BarsPageJson Page(
        IBarStore store, IReadOnlyList<string> symbols, DateTimeOffset start, DateTimeOffset end, bool descending, BarPageToken? after, int pageSize)
    {
        var bars = new Dictionary<string, IReadOnlyList<BarJson>>(StringComparer.Ordinal);
        BarPageToken? last = null;
        var taken = 0;
        foreach (var symbol in symbols.Order(StringComparer.Ordinal))
        {
            if (!store.Contains(symbol) || (after is not null && string.CompareOrdinal(symbol, after.Symbol) < 0))
            {
                continue;
            }

            var inRange = store.GetBars(symbol)
                .Select(bar => (Time: WireText.StartOfNewYorkDay(bar.Date), Bar: bar))
                .Where(b => b.Time >= start && b.Time <= end);
            var series = new List<BarJson>();
            foreach (var (time, bar) in descending ? inRange.Reverse() : inRange)
            {
                if (after is not null && symbol == after.Symbol && !(descending ? time < after.Time : time > after.Time))
                {
                    continue;
                }

                if (taken == pageSize)
                {
                    Keep(bars, symbol, series);
                    return new BarsPageJson(bars, last!.Encode());
                }

                series.Add(ToJson(time, bar));
                last = new BarPageToken(symbol, time);
                taken++;
            }

            Keep(bars, symbol, series);
        }

        return new BarsPageJson(bars, null);
    }

    private static void Keep(Dictionary<string, IReadOnlyList<BarJson>> bars, string symbol, List<BarJson> series)
    {
        if (series.Count > 0)
        {
            bars[symbol] = series;
        }
    }

    private static BarJson ToJson(DateTimeOffset time, DailyBar bar) =>
        new(WireText.Utc(time), bar.Open, bar.High, bar.Low, bar.Close, bar.Volume, 0, Math.Round((bar.High + bar.Low + bar.Close) / 3m, VwapDecimals));
}
