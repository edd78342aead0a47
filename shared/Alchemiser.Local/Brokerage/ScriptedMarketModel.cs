using Alchemiser.Core.Brokerage;
using Alchemiser.Core.MarketData;

namespace Alchemiser.Local.Brokerage;

/// <summary>
/// A market written by hand, for tests and demos: each symbol's quote and last trade are step functions of time —
/// what was set from an instant holds until the next setting — and assets are what was declared. A symbol with a
/// scripted quote or trade but no declared asset is listed, tradable and fractionable; any other undeclared symbol is
/// unknown. Thread-safe; settings may be added while a broker runs on the model.
/// </summary>
public sealed class ScriptedMarketModel : IMarketModel
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, SortedList<DateTimeOffset, Quote>> _quotes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SortedList<DateTimeOffset, LatestPrice>> _trades = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AssetInfo> _assets = new(StringComparer.Ordinal);

    /// <summary>From <paramref name="from"/> on (until a later setting), <paramref name="symbol"/> is quoted at this bid and ask; a zero price leaves that side unquoted.</summary>
    public void SetQuote(string symbol, DateTimeOffset from, decimal bid, decimal ask, decimal bidSize, decimal askSize)
    {
        ArgumentException.ThrowIfNullOrEmpty(symbol);
        ArgumentOutOfRangeException.ThrowIfNegative(bid);
        ArgumentOutOfRangeException.ThrowIfNegative(ask);
        ArgumentOutOfRangeException.ThrowIfNegative(bidSize);
        ArgumentOutOfRangeException.ThrowIfNegative(askSize);
        lock (_gate)
        {
            SeriesOf(_quotes, symbol)[from.ToUniversalTime()] = new Quote(symbol, bid, ask, bidSize, askSize, from.ToUniversalTime());
        }
    }

    /// <summary>From <paramref name="from"/> on (until a later setting), the last trade of <paramref name="symbol"/> is at <paramref name="price"/>.</summary>
    public void SetLastTrade(string symbol, DateTimeOffset from, decimal price)
    {
        ArgumentException.ThrowIfNullOrEmpty(symbol);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(price);
        lock (_gate)
        {
            SeriesOf(_trades, symbol)[from.ToUniversalTime()] = new LatestPrice(symbol, price, from.ToUniversalTime());
        }
    }

    /// <summary>Declares what the market says about <paramref name="symbol"/>.</summary>
    public void SetAsset(string symbol, bool tradable, bool fractionable)
    {
        ArgumentException.ThrowIfNullOrEmpty(symbol);
        lock (_gate)
        {
            _assets[symbol] = new AssetInfo(symbol, tradable, fractionable);
        }
    }

    /// <inheritdoc />
    /// <remarks>The quote's timestamp is the instant it was set from.</remarks>
    public Quote? QuoteAt(string symbol, DateTimeOffset instant)
    {
        lock (_gate)
        {
            return _quotes.TryGetValue(symbol, out var series) ? AtOrBefore(series, instant) : null;
        }
    }

    /// <inheritdoc />
    public LatestPrice? LastTradeAt(string symbol, DateTimeOffset instant)
    {
        lock (_gate)
        {
            return _trades.TryGetValue(symbol, out var series) ? AtOrBefore(series, instant) : null;
        }
    }

    /// <inheritdoc />
    public AssetInfo? Asset(string symbol)
    {
        lock (_gate)
        {
            if (_assets.TryGetValue(symbol, out var asset))
            {
                return asset;
            }

            return _quotes.ContainsKey(symbol) || _trades.ContainsKey(symbol) ? new AssetInfo(symbol, true, true) : null;
        }
    }

    private static SortedList<DateTimeOffset, T> SeriesOf<T>(Dictionary<string, SortedList<DateTimeOffset, T>> bySymbol, string symbol)
    {
        if (!bySymbol.TryGetValue(symbol, out var series))
        {
            bySymbol[symbol] = series = [];
        }

        return series;
    }

    /// <summary>The value set at the latest instant not after <paramref name="instant"/>.</summary>
    private static T? AtOrBefore<T>(SortedList<DateTimeOffset, T> series, DateTimeOffset instant)
        where T : class
    {
        var keys = series.Keys;
        var (low, high) = (0, keys.Count - 1);
        T? found = null;
        while (low <= high)
        {
            var middle = low + ((high - low) / 2);
            if (keys[middle] <= instant)
            {
                found = series.Values[middle];
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return found;
    }
}
