using System.Globalization;
using Alchemiser.Core.MarketData;

namespace Alchemiser.Local.Synthetic;

/// <summary>
/// A ticker's simulated days before they are priced: open, high, low and close of each day as multiples of the
/// previous day's close (day 0 relative to a virtual day before the range), plus volumes. Leveraged funds are
/// derived from their underlying's path; <see cref="ToBars"/> anchors the path at the reference price on the
/// last day and walks backwards, so the returns are exactly the simulated ones.
/// </summary>
internal sealed class RelativePath
{
    /// <summary>Smallest price ever written; guards the floor for products that decay for decades.</summary>
    public const decimal MinimumPrice = 0.0001m;

    /// <summary>Largest price ever written; guards decimal overflow for very long ranges.</summary>
    public const decimal MaximumPrice = 1_000_000_000_000m;

    /// <summary>Smallest factor a day can have (a 99 % loss); only reached by extreme leverage of extreme days.</summary>
    public const double MinimumFactor = 0.01;

    public RelativePath(int days)
    {
        Open = new double[days];
        High = new double[days];
        Low = new double[days];
        Close = new double[days];
        Volume = new long[days];
    }

    public double[] Open { get; }

    public double[] High { get; }

    public double[] Low { get; }

    public double[] Close { get; }

    public long[] Volume { get; }

    public int Days => Close.Length;

    /// <summary>
    /// The path of a daily-reset fund with <paramref name="leverage"/> on this one: every factor f becomes
    /// 1 + k·(f − 1) (floored at <see cref="MinimumFactor"/>); for k &lt; 0 the underlying's low makes the fund's high.
    /// </summary>
    public RelativePath Leveraged(double leverage, long[] volumes)
    {
        var path = new RelativePath(Days);
        for (var t = 0; t < Days; t++)
        {
            path.Open[t] = Lever(Open[t], leverage);
            path.Close[t] = Lever(Close[t], leverage);
            path.High[t] = Lever(leverage >= 0 ? High[t] : Low[t], leverage);
            path.Low[t] = Lever(leverage >= 0 ? Low[t] : High[t], leverage);
            path.Volume[t] = volumes[t];
        }

        return path;
    }

    /// <summary>Prices the path: the close of the last day is <paramref name="lastClose"/>; 4 decimal places.</summary>
    public DailyBar[] ToBars(IReadOnlyList<DateOnly> dates, decimal lastClose)
    {
        if (dates.Count != Days)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{dates.Count} dates for a path of {Days} days"), nameof(dates));
        }

        var closes = new double[Days];
        var previous = (double)lastClose;
        for (var t = Days - 1; t >= 0; t--)
        {
            closes[t] = previous;
            previous /= Close[t];
        }

        var bars = new DailyBar[Days];
        for (var t = 0; t < Days; t++)
        {
            var close = Price(closes[t]);
            var open = Price(previous * Open[t]);
            var high = Math.Max(Price(previous * High[t]), Math.Max(open, close));
            var low = Math.Min(Price(previous * Low[t]), Math.Min(open, close));
            bars[t] = new DailyBar(dates[t], open, high, low, close, Volume[t]);
            previous = closes[t];
        }

        return bars;
    }

    private static double Lever(double factor, double leverage) => Math.Max(1.0 + (leverage * (factor - 1.0)), MinimumFactor);

    /// <summary>
    /// Rounds to 4 decimal places in binary arithmetic (one correctly rounded multiplication and an IEEE
    /// round-half-even), then builds the decimal from the integer count of ten-thousandths: fast, exact, and always
    /// written with four decimals.
    /// </summary>
    private static decimal Price(double value)
    {
        const ulong Floor = (ulong)(MinimumPrice * 10_000m);
        const ulong Ceiling = (ulong)(MaximumPrice * 10_000m);
        var scaled = Math.Round(value * 10_000.0, MidpointRounding.ToEven);
        var tenThousandths = !(scaled >= Floor) ? Floor : scaled >= Ceiling ? Ceiling : (ulong)scaled;
        return new decimal((int)(uint)tenThousandths, (int)(uint)(tenThousandths >> 32), 0, isNegative: false, scale: 4);
    }
}
