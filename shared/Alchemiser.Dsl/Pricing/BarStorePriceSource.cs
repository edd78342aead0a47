using System.Collections.Concurrent;
using System.Collections.ObjectModel;
using Alchemiser.Core.MarketData;

namespace Alchemiser.Dsl.Pricing;

/// <summary>
/// Adapts an <see cref="IBarStore"/> to the engine's <see cref="IPriceSource"/> (DSL.md §4.1): each bar becomes a
/// <see cref="PriceBar"/> of its date and its close converted exactly with <c>(double)decimal</c>. A symbol the store
/// does not contain has zero bars. Each symbol is asked of the store and converted once; later calls, from any
/// thread, get the same list. Store errors (a malformed file) propagate and are not cached.
/// </summary>
public sealed class BarStorePriceSource : IPriceSource
{
    private static readonly ReadOnlyCollection<PriceBar> NoBars = new([]);

    private readonly IBarStore _store;
    private readonly ConcurrentDictionary<string, Lazy<ReadOnlyCollection<PriceBar>>> _cache = new(StringComparer.Ordinal);

    /// <summary>A price source reading <paramref name="store"/>.</summary>
    public BarStorePriceSource(IBarStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
    }

    /// <inheritdoc />
    public IReadOnlyList<PriceBar> GetBars(string symbol)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        var entry = _cache.GetOrAdd(symbol, s => new Lazy<ReadOnlyCollection<PriceBar>>(() => Convert(s), LazyThreadSafetyMode.ExecutionAndPublication));
        try
        {
            return entry.Value;
        }
        catch
        {
            _cache.TryRemove(new KeyValuePair<string, Lazy<ReadOnlyCollection<PriceBar>>>(symbol, entry));
            throw;
        }
    }

    private ReadOnlyCollection<PriceBar> Convert(string symbol)
    {
        if (!_store.Contains(symbol))
        {
            return NoBars;
        }

        var bars = _store.GetBars(symbol);
        var prices = new PriceBar[bars.Count];
        for (var i = 0; i < prices.Length; i++)
        {
            var bar = bars[i];
            prices[i] = new PriceBar(bar.Date, (double)bar.Close);
        }

        return Array.AsReadOnly(prices);
    }
}
