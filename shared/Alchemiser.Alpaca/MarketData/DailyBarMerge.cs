using Alchemiser.Alpaca.Wire;
using Alchemiser.Core.MarketData;
using Alchemiser.Core.Time;

namespace Alchemiser.Alpaca.MarketData;

/// <summary>
/// Collects the pages of a multi-symbol bars query into one series per symbol: each bar's timestamp becomes its New
/// York trading date, bars outside the asked range are dropped, a date seen twice (a symbol continued on the next
/// page, or a page served twice) is kept once, and each series comes out oldest first.
/// </summary>
internal sealed class DailyBarMerge(DateOnly from, DateOnly to)
{
    private readonly Dictionary<string, SortedDictionary<DateOnly, DailyBar>> _series = new(StringComparer.Ordinal);

    /// <summary>Adds one page's bars.</summary>
    public void Add(BarsPageJson page)
    {
        ArgumentNullException.ThrowIfNull(page);
        foreach (var (symbol, bars) in page.Bars ?? [])
        {
            foreach (var bar in bars ?? [])
            {
                var date = MarketTime.TradingDateOf(AlpacaWireFormat.Instant(bar.Timestamp, $"bar time of {symbol}"));
                if (date < from || date > to)
                {
                    continue;
                }

                if (!_series.TryGetValue(symbol, out var series))
                {
                    series = [];
                    _series[symbol] = series;
                }

                series.TryAdd(date, new DailyBar(date, bar.Open, bar.High, bar.Low, bar.Close, bar.Volume));
            }
        }
    }

    /// <summary>Each symbol that had a bar, with its bars oldest first.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<DailyBar>> Result() =>
        _series.Where(s => s.Value.Count > 0)
            .ToDictionary(s => s.Key, s => (IReadOnlyList<DailyBar>)s.Value.Values.ToArray(), StringComparer.Ordinal);
}
