using System.Globalization;
using Alchemiser.Core.MarketData;
using Alchemiser.Local.Synthetic;

namespace Alchemiser.Local.Brokerage;

/// <summary>
/// One symbol's intraday price on one New York trading date, drawn from its daily bar: the open until 09:30, then a
/// straight drift from open to close plus a smooth wiggle, the close from the session's close (16:00, or 13:00 on an
/// early close) on. The wiggle is three sines, with periods and phases taken from a stable hash of symbol and date,
/// under an envelope that is zero at the open and at the close; it is scaled into the room between the drift and
/// the high above it (or the low below it), so the price never leaves [low, high] and is continuous. A date without
/// a bar of its own is flat at the last earlier close. Prices are rounded to the tick (then kept inside the bar).
/// </summary>
internal sealed class BarPricePath
{
    private static readonly double[] Weights = [0.55, 0.30, 0.15];
    private static readonly double[] BaseCycles = [1.0, 3.0, 7.0];

    private readonly double _open;
    private readonly double _high;
    private readonly double _low;
    private readonly double _close;
    private readonly double[] _cycles = new double[3];
    private readonly double[] _phases = new double[3];
    private readonly ulong _hash;
    private readonly DateTimeOffset _opens;
    private readonly DateTimeOffset _closes;
    private readonly DateTimeOffset _lastBarClose;

    /// <param name="date">The New York trading date the path is for.</param>
    /// <param name="bar">That date's bar, or the last bar before it (the path is then flat at its close).</param>
    public BarPricePath(string symbol, DateOnly date, DailyBar bar)
    {
        Date = date;
        IsFlat = bar.Date != date;
        Close = bar.Close;
        Open = IsFlat ? bar.Close : bar.Open;
        High = IsFlat ? bar.Close : Math.Max(bar.High, Math.Max(bar.Open, bar.Close));
        Low = IsFlat ? bar.Close : Math.Min(bar.Low, Math.Min(bar.Open, bar.Close));
        (_open, _high, _low, _close) = ((double)Open, (double)High, (double)Low, (double)Close);

        var hours = NyseSessions.Hours(date);
        (_opens, _closes) = (hours.Opens, hours.Closes);
        _lastBarClose = NyseSessions.Hours(bar.Date).Closes;
        _hash = StableHash.Of("quote:" + symbol + ":" + date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        for (var i = 0; i < _cycles.Length; i++)
        {
            _cycles[i] = BaseCycles[i] + StableHash.Unit(_hash, i);
            _phases[i] = 2.0 * Math.PI * StableHash.Unit(_hash, 10 + i);
        }
    }

    /// <summary>The New York trading date of the path.</summary>
    public DateOnly Date { get; }

    /// <summary>The date had no bar of its own: the path is flat at the last earlier close.</summary>
    public bool IsFlat { get; }

    public decimal Open { get; }

    public decimal High { get; }

    public decimal Low { get; }

    public decimal Close { get; }

    /// <summary>The price at <paramref name="instant"/> (an instant on <see cref="Date"/> in New York).</summary>
    public decimal PriceAt(DateTimeOffset instant)
    {
        if (IsFlat || instant >= _closes)
        {
            return Close;
        }

        if (instant <= _opens)
        {
            return Open;
        }

        var u = (double)(instant - _opens).Ticks / (_closes - _opens).Ticks;
        var drift = _open + ((_close - _open) * u);
        var wave = 0.0;
        for (var i = 0; i < Weights.Length; i++)
        {
            wave += Weights[i] * Math.Sin((2.0 * Math.PI * _cycles[i] * u) + _phases[i]);
        }

        var wiggle = Math.Sin(Math.PI * u) * wave;
        var price = wiggle >= 0 ? drift + (wiggle * (_high - drift)) : drift + (wiggle * (drift - _low));
        return Math.Clamp(PriceTicks.Nearest((decimal)price), Low, High);
    }

    /// <summary>
    /// The tick-to-tick noise around <see cref="PriceAt"/>, in [−1, 1]: a fresh deterministic draw every
    /// <see cref="JitterSlot"/> of the session, zero outside it and on a flat date. The market model scales it by the
    /// half-spread, so resting limit orders inside the spread are sometimes reached, as they are in a real market.
    /// </summary>
    public double Jitter(DateTimeOffset instant)
    {
        if (IsFlat || instant <= _opens || instant >= _closes)
        {
            return 0.0;
        }

        var slot = (int)((instant - _opens).Ticks / JitterSlot.Ticks);
        return (2.0 * StableHash.Unit(_hash, 1_000 + slot)) - 1.0;
    }

    /// <summary>How long one draw of <see cref="Jitter"/> lasts.</summary>
    public static TimeSpan JitterSlot { get; } = TimeSpan.FromSeconds(3);

    /// <summary>When the last trade at or before <paramref name="instant"/> happened: the instant itself during the day, the close after it.</summary>
    public DateTimeOffset LastTradeTime(DateTimeOffset instant)
    {
        if (IsFlat)
        {
            return _lastBarClose;
        }

        return instant < _closes ? instant : _closes;
    }

    /// <summary>A displayed size of 100 to 900 shares, fixed for each minute of the day and each side.</summary>
    public decimal DisplayedSize(DateTimeOffset instant, bool ask)
    {
        var minute = (long)Math.Floor((instant - _opens).TotalMinutes);
        var slot = (int)Math.Clamp(minute, -1L, 24L * 60L);
        var lots = 1 + (int)(9.0 * StableHash.Unit(_hash, 100 + (2 * slot) + (ask ? 1 : 0)));
        return 100m * lots;
    }
}
