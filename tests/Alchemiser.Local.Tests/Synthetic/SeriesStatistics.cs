using Alchemiser.Core.MarketData;

namespace Alchemiser.Local.Tests.Synthetic;

/// <summary>Daily returns and the few statistics the synthetic-market specifications speak in.</summary>
internal static class SeriesStatistics
{
    /// <summary>Close-to-close returns; element i is the return from bar i to bar i + 1.</summary>
    public static double[] Returns(IReadOnlyList<DailyBar> bars) =>
        Enumerable.Range(1, bars.Count - 1).Select(i => (double)(bars[i].Close / bars[i - 1].Close) - 1.0).ToArray();

    public static double Correlation(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        var mx = x.Average();
        var my = y.Average();
        double sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < x.Count; i++)
        {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }

        return sxy / Math.Sqrt(sxx * syy);
    }

    public static double AnnualVolatility(IReadOnlyList<double> returns)
    {
        var mean = returns.Average();
        return Math.Sqrt(returns.Sum(r => (r - mean) * (r - mean)) / (returns.Count - 1) * 252);
    }

    /// <summary>Returns over consecutive, non-overlapping 252-bar years.</summary>
    public static double[] YearlyReturns(IReadOnlyList<DailyBar> bars) =>
        Enumerable.Range(1, (bars.Count - 1) / 252).Select(y => (double)(bars[y * 252].Close / bars[(y - 1) * 252].Close) - 1.0).ToArray();
}
