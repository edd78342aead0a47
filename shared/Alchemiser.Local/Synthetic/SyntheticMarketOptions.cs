using System.Globalization;

namespace Alchemiser.Local.Synthetic;

/// <summary>
/// What to generate: the seed and the date range (both ends included; only NYSE trading days get bars).
/// <see cref="TenYearsEndingAt"/> is the default range for <c>alchemiser data synth</c>.
/// </summary>
public sealed record SyntheticMarketOptions
{
    /// <summary>The seed used when none is given.</summary>
    public const int DefaultSeed = 42;

    /// <summary>Options for <paramref name="from"/>…<paramref name="to"/> under <paramref name="seed"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="from"/> is after <paramref name="to"/>.</exception>
    public SyntheticMarketOptions(int seed, DateOnly from, DateOnly to)
    {
        if (from > to)
        {
            throw new ArgumentException($"the range starts ({from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}) after it ends ({to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)})", nameof(from));
        }

        Seed = seed;
        From = from;
        To = to;
    }

    /// <summary>The seed: same seed, same tickers, same range → byte-identical files.</summary>
    public int Seed { get; }

    /// <summary>First calendar day of the range.</summary>
    public DateOnly From { get; }

    /// <summary>Last calendar day of the range; the last trading day on or before it carries the reference prices.</summary>
    public DateOnly To { get; }

    /// <summary>Ten years ending at <paramref name="end"/>: from the day after the same date ten years earlier.</summary>
    public static SyntheticMarketOptions TenYearsEndingAt(DateOnly end, int seed = DefaultSeed) =>
        new(seed, end.AddYears(-10).AddDays(1), end);
}
