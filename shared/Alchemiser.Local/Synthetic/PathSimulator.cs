namespace Alchemiser.Local.Synthetic;

/// <summary>
/// Simulates the <see cref="RelativePath"/> of one ticker from its profile, the shared <see cref="MarketFactors"/>
/// and the ticker's own random stream. Every day draws the same number of values whatever happens, so day t's
/// numbers depend only on (seed, ticker, t). Arithmetic is + − × ÷ and √ only (bit-identical everywhere).
/// </summary>
internal static class PathSimulator
{
    private const double MaxDailyMove = 0.30;

    public static RelativePath Equity(EquityProfile profile, MarketFactors factors, Xoshiro256StarStar rng)
    {
        var days = factors.Days;
        var path = new RelativePath(days);
        var drift = profile.AnnualDrift / MarketFactors.DaysPerYear;
        var idiosyncratic = profile.IdiosyncraticVol / Math.Sqrt(MarketFactors.DaysPerYear);
        var sectorVariance = 0.0;
        foreach (var loading in profile.Sectors)
        {
            var daily = loading.AnnualVol / Math.Sqrt(MarketFactors.DaysPerYear);
            sectorVariance += daily * daily;
        }

        for (var t = 0; t < days; t++)
        {
            var regime = factors.Regime(t);
            var idiosyncraticToday = idiosyncratic * regime;
            var ret = drift + (profile.MarketBeta * (factors.Market[t] - MarketFactors.DailyDrift));
            foreach (var loading in profile.Sectors)
            {
                ret += loading.AnnualVol / Math.Sqrt(MarketFactors.DaysPerYear) * factors.Sector(loading.Factor, t);
            }

            ret += idiosyncraticToday * rng.NextNormal();
            ret = Math.Clamp(ret, -MaxDailyMove, MaxDailyMove);

            var marketVol = profile.MarketBeta * factors.Volatility[t];
            var dayVol = Math.Sqrt((marketVol * marketVol) + sectorVariance + (idiosyncraticToday * idiosyncraticToday));
            FillDay(path, t, ret, dayVol, regime, profile.BaseVolume, ref rng);
        }

        return path;
    }

    public static RelativePath Cash(CashProfile profile, MarketFactors factors, Xoshiro256StarStar rng)
    {
        var days = factors.Days;
        var path = new RelativePath(days);
        var daily = profile.AnnualYield / MarketFactors.DaysPerYear;
        for (var t = 0; t < days; t++)
        {
            var ret = daily * (0.9 + (0.2 * rng.NextDouble()));
            path.Open[t] = 1.0;
            path.Low[t] = 1.0;
            path.Close[t] = 1.0 + ret;
            path.High[t] = 1.0 + ret;
            path.Volume[t] = Volume(profile.BaseVolume, 1.0, 0.0, rng.NextDouble());
        }

        return path;
    }

    public static RelativePath Volatility(VolatilityProfile profile, MarketFactors factors, Xoshiro256StarStar rng)
    {
        var days = factors.Days;
        var path = new RelativePath(days);
        var decay = profile.AnnualDecay / MarketFactors.DaysPerYear;
        var noise = profile.NoiseVol / Math.Sqrt(MarketFactors.DaysPerYear);
        for (var t = 0; t < days; t++)
        {
            var marketMove = profile.MarketBeta * (factors.Market[t] - MarketFactors.DailyDrift);
            var volatilityMove = profile.VolBeta * ((factors.Volatility[t + 1] / factors.Volatility[t]) - 1.0);
            var ret = marketMove + volatilityMove - decay + (noise * rng.NextNormal());
            ret = Math.Clamp(ret, -0.35, 1.5);
            var marketVol = profile.MarketBeta * factors.Volatility[t];
            var dayVol = Math.Sqrt((noise * noise) + (marketVol * marketVol) + (volatilityMove * volatilityMove));
            FillDay(path, t, ret, dayVol, factors.Regime(t), profile.BaseVolume, ref rng);
        }

        return path;
    }

    /// <summary>Volumes of a derived fund: its own base volume, busier when the market is turbulent or the day moves.</summary>
    public static long[] DerivedVolumes(TickerProfile profile, RelativePath underlying, MarketFactors factors, Xoshiro256StarStar rng)
    {
        var volumes = new long[factors.Days];
        for (var t = 0; t < volumes.Length; t++)
        {
            volumes[t] = Volume(profile.BaseVolume, factors.Regime(t), Math.Abs(underlying.Close[t] - 1.0), rng.NextDouble());
        }

        return volumes;
    }

    /// <summary>
    /// Open = a part of the day's move plus overnight noise; high and low reach beyond open and close by up to
    /// 0.6 of the day's volatility.
    /// </summary>
    private static void FillDay(RelativePath path, int t, double ret, double dayVol, double regime, long baseVolume, ref Xoshiro256StarStar rng)
    {
        var gap = Math.Clamp((0.35 * ret) + (0.3 * dayVol * rng.NextNormal()), -MaxDailyMove, MaxDailyMove);
        var reachUp = Math.Min(0.6 * dayVol * rng.NextDouble(), 0.5);
        var reachDown = Math.Min(0.6 * dayVol * rng.NextDouble(), 0.5);
        var open = 1.0 + gap;
        var close = 1.0 + ret;
        path.Open[t] = open;
        path.Close[t] = close;
        path.High[t] = Math.Max(open, close) * (1.0 + reachUp);
        path.Low[t] = Math.Min(open, close) * (1.0 - reachDown);
        path.Volume[t] = Volume(baseVolume, regime, Math.Abs(ret), rng.NextDouble());
    }

    private static long Volume(long baseVolume, double regime, double absoluteMove, double uniform)
    {
        var activity = (0.6 + (0.8 * uniform)) * (0.7 + (0.3 * regime)) * (1.0 + (8.0 * Math.Min(absoluteMove, 0.3)));
        return Math.Max(1L, (long)(baseVolume * activity));
    }
}
