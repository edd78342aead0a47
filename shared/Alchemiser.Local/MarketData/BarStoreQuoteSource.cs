using Alchemiser.Core.MarketData;
using Alchemiser.Core.Time;

namespace Alchemiser.Local.MarketData;

/// <summary>
/// The quotes port over a bar store, for runs with no broker: a symbol's latest price is its last close, timed at
/// that day's 16:00 New York close. It never invents a price for a day the store has no bar for, so a worker's live
/// bar only appears when the store already holds that day.
/// </summary>
public sealed class BarStoreQuoteSource(IBarStore store) : IQuoteSource
{
    public Task<IReadOnlyDictionary<string, LatestPrice>> GetLatestPricesAsync(IReadOnlyCollection<string> symbols, CancellationToken cancellationToken = default)
    {
        var prices = new Dictionary<string, LatestPrice>(StringComparer.Ordinal);
        foreach (var symbol in symbols)
        {
            if (!store.Contains(symbol))
            {
                continue;
            }

            var bars = store.GetBars(symbol);
            if (bars.Count > 0)
            {
                var last = bars[^1];
                var close = last.Date.ToDateTime(NyseCalendar.RegularClose);
                prices[symbol] = new LatestPrice(symbol, last.Close, new DateTimeOffset(close, MarketTime.NewYork.GetUtcOffset(close)));
            }
        }

        return Task.FromResult<IReadOnlyDictionary<string, LatestPrice>>(prices);
    }
}
