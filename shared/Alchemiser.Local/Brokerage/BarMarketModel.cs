using System.Collections.Concurrent;
using Alchemiser.Core.Brokerage;
using Alchemiser.Core.MarketData;
using Alchemiser.Core.Time;

namespace Alchemiser.Local.Brokerage;

/// <summary>
/// A simulated market drawn from a daily bar store. An instant on New York trading date D is priced from D's bar, or
/// flat at the last earlier close when D has none (before a symbol's first bar there is no price at all); within the
/// day the price follows <see cref="BarPricePath"/>: deterministic, continuous, inside [low, high], the open before
/// 09:30 and the close after the session's close. The last trade is that price; the quote straddles it with a
/// half-spread of <see cref="BarMarketModelOptions.SpreadFactor"/> × (high − low), held between 1 bp and 20 bp of the
/// price and never under half a cent, bid rounded down and ask up to the tick ($0.01 at or above $1, $0.0001 below),
/// with displayed sizes of 100 to 900 shares that change each minute. Every 3 seconds of the session the price also
/// jumps by up to 1.2 half-spreads (a deterministic draw), so a limit order resting inside the spread is sometimes
/// reached, as in a real market. Every symbol the store holds is listed and
/// tradable, and fractionable unless the options say otherwise. Bars are read once per symbol and kept.
/// </summary>
public sealed class BarMarketModel : IMarketModel
{
    private const decimal MinimumHalfSpreadShare = 0.0001m;
    private const decimal MaximumHalfSpreadShare = 0.0020m;
    private const decimal MinimumHalfSpread = 0.005m;

    /// <summary>How far the tick-to-tick noise moves the price, in half-spreads.</summary>
    private const decimal JitterInHalfSpreads = 1.2m;

    private readonly IBarStore _store;
    private readonly BarMarketModelOptions _options;
    private readonly ConcurrentDictionary<string, IReadOnlyList<DailyBar>> _bars = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, BarPricePath> _latestPaths = new(StringComparer.Ordinal);

    /// <summary>A market over <paramref name="store"/>.</summary>
    public BarMarketModel(IBarStore store, BarMarketModelOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
        _options = options ?? new BarMarketModelOptions();
        ArgumentOutOfRangeException.ThrowIfNegative(_options.SpreadFactor, nameof(options));
    }

    /// <inheritdoc />
    public Quote? QuoteAt(string symbol, DateTimeOffset instant)
    {
        if (PathAt(symbol, instant) is not { } path)
        {
            return null;
        }

        var (price, half) = PriceAt(path, instant);
        var bid = price - half > 0m ? PriceTicks.Down(price - half) : PriceTicks.SizeAt(0m);
        var ask = PriceTicks.Up(price + half);
        return new Quote(symbol, bid, ask, path.DisplayedSize(instant, ask: false), path.DisplayedSize(instant, ask: true), instant);
    }

    /// <inheritdoc />
    public LatestPrice? LastTradeAt(string symbol, DateTimeOffset instant) =>
        PathAt(symbol, instant) is { } path ? new LatestPrice(symbol, PriceAt(path, instant).Price, path.LastTradeTime(instant)) : null;

    /// <inheritdoc />
    public AssetInfo? Asset(string symbol)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        if (!_bars.ContainsKey(symbol) && !_store.Contains(symbol))
        {
            return null;
        }

        return new AssetInfo(symbol, !_options.NotTradable.Contains(symbol), !_options.NonFractionable.Contains(symbol));
    }

    /// <summary>
    /// The path's price moved by its jitter (up to <see cref="JitterInHalfSpreads"/> half-spreads, kept inside the bar
    /// and on the tick), and the half-spread around it.
    /// </summary>
    private (decimal Price, decimal HalfSpread) PriceAt(BarPricePath path, DateTimeOffset instant)
    {
        var price = path.PriceAt(instant);
        var half = Math.Max(
            Math.Clamp(_options.SpreadFactor * (path.High - path.Low), MinimumHalfSpreadShare * price, MaximumHalfSpreadShare * price),
            MinimumHalfSpread);
        var jittered = Math.Clamp(PriceTicks.Nearest(price + ((decimal)path.Jitter(instant) * JitterInHalfSpreads * half)), path.Low, path.High);
        return (jittered > 0m ? jittered : price, half);
    }

    private BarPricePath? PathAt(string symbol, DateTimeOffset instant)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        var date = MarketTime.TradingDateOf(instant);
        if (_latestPaths.TryGetValue(symbol, out var latest) && latest.Date == date)
        {
            return latest;
        }

        if (BarsOf(symbol) is not { } bars || LastAtOrBefore(bars, date) is not { } bar)
        {
            return null;
        }

        var path = new BarPricePath(symbol, date, bar);
        _latestPaths[symbol] = path;
        return path;
    }

    private IReadOnlyList<DailyBar>? BarsOf(string symbol)
    {
        if (_bars.TryGetValue(symbol, out var bars))
        {
            return bars;
        }

        return _store.Contains(symbol) ? _bars.GetOrAdd(symbol, _store.GetBars(symbol)) : null;
    }

    /// <summary>The last bar dated <paramref name="date"/> or earlier (bars are in strictly increasing date order).</summary>
    private static DailyBar? LastAtOrBefore(IReadOnlyList<DailyBar> bars, DateOnly date)
    {
        var (low, high) = (0, bars.Count - 1);
        DailyBar? found = null;
        while (low <= high)
        {
            var middle = low + ((high - low) / 2);
            if (bars[middle].Date <= date)
            {
                found = bars[middle];
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
