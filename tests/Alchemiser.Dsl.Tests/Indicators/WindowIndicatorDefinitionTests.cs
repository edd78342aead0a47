using Alchemiser.Dsl.Indicators;

namespace Alchemiser.Dsl.Tests.Indicators;

/// <summary>
/// The window indicators against direct, independently written transcriptions of their §6 definitions on random
/// closes (tolerance 1e-9 relative: the formulation differs, the meaning must not).
/// </summary>
public sealed class WindowIndicatorDefinitionTests
{
    public static TheoryData<int, int> Cases => new()
    {
        { 1, 2 }, { 2, 3 }, { 3, 5 }, { 4, 10 }, { 5, 21 }, { 6, 60 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Moving_average_price_is_the_mean_of_the_last_n_closes(int seed, int n)
    {
        var closes = Closes(seed);

        AssertClose(closes[^n..].Average(), IndicatorMath.MovingAveragePrice(closes, n));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Cumulative_return_is_the_percent_change_over_n_bars(int seed, int n)
    {
        var closes = Closes(seed);

        AssertClose(100 * (closes[^1] - closes[^(n + 1)]) / closes[^(n + 1)], IndicatorMath.CumulativeReturn(closes, n));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Moving_average_return_is_the_mean_of_the_last_n_daily_returns_in_percent(int seed, int n)
    {
        var closes = Closes(seed);

        AssertClose(Returns(closes, n).Average() * 100, IndicatorMath.MovingAverageReturn(closes, n));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Stdev_return_is_the_annualised_population_deviation_of_the_last_n_percent_returns(int seed, int n)
    {
        var closes = Closes(seed);
        var percent = Returns(closes, n).Select(r => r * 100).ToArray();
        var mean = percent.Average();
        var variance = percent.Sum(r => Math.Pow(r - mean, 2)) / n;

        AssertClose(Math.Sqrt(variance * 252), IndicatorMath.StdevReturn(closes, n));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Stdev_price_is_the_sample_deviation_of_the_last_n_closes(int seed, int n)
    {
        var closes = Closes(seed);
        var window = closes[^n..];
        var mean = window.Average();
        var variance = window.Sum(x => Math.Pow(x - mean, 2)) / (n - 1);

        AssertClose(Math.Sqrt(variance), IndicatorMath.StdevPrice(closes, n));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Max_drawdown_is_the_largest_percent_fall_from_an_earlier_or_same_day_high(int seed, int n)
    {
        var closes = Closes(seed);
        var window = closes[^n..];
        var worst = 0.0;
        for (var later = 0; later < n; later++)
        {
            for (var earlier = 0; earlier <= later; earlier++)
            {
                worst = Math.Max(worst, (window[earlier] - window[later]) / window[earlier] * 100);
            }
        }

        AssertClose(worst, IndicatorMath.MaxDrawdown(closes, n));
    }

    private static double[] Closes(int seed) => IndicatorExactnessTests.RandomCloses(new Random(seed * 17), 80);

    private static double[] Returns(double[] closes, int n) =>
        [.. Enumerable.Range(closes.Length - n, n).Select(k => closes[k] / closes[k - 1] - 1)];

    private static void AssertClose(double expected, double actual)
    {
        var tolerance = 1e-9 * Math.Max(1, Math.Abs(expected));
        Assert.InRange(actual, expected - tolerance, expected + tolerance);
    }
}
