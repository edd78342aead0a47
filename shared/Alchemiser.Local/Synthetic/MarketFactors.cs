namespace Alchemiser.Local.Synthetic;

/// <summary>
/// The common random drivers of one generation, one value per trading day of the range. The market factor is a
/// GJR-GARCH(1,1) return (volatility clusters and rises more after drops than after gains) with rare crash jumps;
/// its conditional volatility is also the "fear gauge" volatility products follow. Each <see cref="SectorFactor"/>
/// is an independent standard normal. Every value depends only on the seed and the day's index, and is computed
/// with + − × ÷ and √ alone, so it is bit-identical on every machine.
/// </summary>
internal sealed class MarketFactors
{
    /// <summary>Trading days per year, for turning annual figures into daily ones.</summary>
    public const double DaysPerYear = 252.0;

    /// <summary>The market factor's expected daily return.</summary>
    public const double DailyDrift = 0.12 / DaysPerYear;

    private const double LongRunAnnualVol = 0.16;
    private const double Alpha = 0.02;
    private const double Asymmetry = 0.14;
    private const double Persistence = 0.88;
    private const double JumpProbability = 0.002;

    /// <summary>Long-run daily volatility of the market factor.</summary>
    public static readonly double LongRunDailyVol = LongRunAnnualVol / Math.Sqrt(DaysPerYear);

    private readonly double[][] _sectors;

    public MarketFactors(int seed, int days)
    {
        Days = days;
        Market = new double[days];
        Volatility = new double[days + 1];
        var longRunVariance = LongRunDailyVol * LongRunDailyVol;
        var omega = (1.0 - Alpha - (Asymmetry / 2.0) - Persistence) * longRunVariance;
        var variance = longRunVariance;
        var rng = Xoshiro256StarStar.Create(seed, StableHash.Of("$factor:market"));
        for (var t = 0; t < days; t++)
        {
            Volatility[t] = Math.Sqrt(variance);
            var shock = Volatility[t] * rng.NextNormal();
            var jumpDraw = rng.NextDouble();
            var jumpSize = rng.NextDouble();
            if (jumpDraw < JumpProbability)
            {
                shock -= 0.02 + (0.04 * jumpSize);
            }

            shock = Math.Clamp(shock, -0.15, 0.12);
            Market[t] = DailyDrift + shock;
            var weight = shock < 0 ? Alpha + Asymmetry : Alpha;
            variance = omega + (weight * shock * shock) + (Persistence * variance);
            variance = Math.Clamp(variance, 0.2 * longRunVariance, 25.0 * longRunVariance);
        }

        Volatility[days] = Math.Sqrt(variance);

        var factors = Enum.GetValues<SectorFactor>();
        _sectors = new double[factors.Length][];
        foreach (var factor in factors)
        {
            var series = new double[days];
            var stream = Xoshiro256StarStar.Create(seed, StableHash.Of("$factor:" + factor.ToString()));
            for (var t = 0; t < days; t++)
            {
                series[t] = stream.NextNormal();
            }

            _sectors[(int)factor] = series;
        }
    }

    /// <summary>Number of trading days covered.</summary>
    public int Days { get; }

    /// <summary>Market factor return of day t (drift included).</summary>
    public double[] Market { get; }

    /// <summary>
    /// Conditional daily volatility of the market factor going into day t; index <see cref="Days"/> is the
    /// volatility after the last day. <c>Volatility[t + 1]</c> is known at day t's close.
    /// </summary>
    public double[] Volatility { get; }

    /// <summary>Volatility going into day t relative to the long-run level (1 = normal, 3 = turmoil).</summary>
    public double Regime(int t) => Volatility[t] / LongRunDailyVol;

    /// <summary>Standard normal value of <paramref name="factor"/> on day t.</summary>
    public double Sector(SectorFactor factor, int t) => _sectors[(int)factor][t];
}
