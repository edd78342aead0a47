using Alchemiser.Core.Errors;
using Alchemiser.Core.MarketData;

namespace Alchemiser.Local.MarketData;

/// <summary>
/// The bar store for unit tests: series held in memory, thread-safe, with the same contract as the CSV store
/// (ordinal symbol order, a <see cref="MarketDataException"/> naming an absent symbol). Series are checked on the way
/// in (strictly increasing dates, positive closes, non-negative volumes) and copied, so later changes to the
/// caller's list do not leak in.
/// </summary>
public sealed class InMemoryBarStore : IBarStore
{
    private readonly Lock _gate = new();
    private readonly SortedDictionary<string, IReadOnlyList<DailyBar>> _series = new(StringComparer.Ordinal);

    /// <summary>An empty store.</summary>
    public InMemoryBarStore()
    {
    }

    /// <summary>A store holding <paramref name="series"/>.</summary>
    public InMemoryBarStore(IEnumerable<KeyValuePair<string, IReadOnlyList<DailyBar>>> series)
    {
        ArgumentNullException.ThrowIfNull(series);
        foreach (var (symbol, bars) in series)
        {
            Put(symbol, bars);
        }
    }

    /// <summary>Adds or replaces <paramref name="symbol"/>'s series.</summary>
    /// <exception cref="ArgumentException">The series breaks the store's rules.</exception>
    public void Put(string symbol, IEnumerable<DailyBar> bars)
    {
        ArgumentException.ThrowIfNullOrEmpty(symbol);
        ArgumentNullException.ThrowIfNull(bars);
        var copy = bars.ToArray();
        BarSeriesRules.Check(symbol, copy, nameof(bars));
        lock (_gate)
        {
            _series[symbol] = Array.AsReadOnly(copy);
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<string> Symbols()
    {
        lock (_gate)
        {
            return _series.Keys.ToArray();
        }
    }

    /// <inheritdoc />
    public bool Contains(string symbol)
    {
        lock (_gate)
        {
            return _series.ContainsKey(symbol);
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<DailyBar> GetBars(string symbol)
    {
        lock (_gate)
        {
            if (_series.TryGetValue(symbol, out var bars))
            {
                return bars;
            }
        }

        throw new MarketDataException($"no price series for '{symbol}' in the in-memory bar store", "Put the series into the store before reading it.");
    }
}
