using System.Globalization;
using Alchemiser.Dsl.Binding;
using Alchemiser.Dsl.Indicators;
using static Alchemiser.Dsl.Tests.Indicators.IndicatorValue;

namespace Alchemiser.Dsl.Tests.Indicators;

/// <summary>
/// The bit-exact and edge cases of DSL.md §12 T1, the "all equal" rules of §6 and the reference doubles printed in
/// the golden JSON of §9. Compared with no tolerance: these pin the operation order, not just the value.
/// </summary>
public sealed class IndicatorExactnessTests
{
    [Fact]
    public void Rsi_3_of_10_10_11_10_is_exactly_40()
    {
        double[] closes = [10, 10, 11, 10];

        Assert.Equal(40.0, IndicatorMath.RsiSeries(closes, 3)[^1]);

        // The case discriminates: a = 1/n updated as y + a(x − y) lands one ulp lower.
        Assert.Equal(39.99999999999999, NaiveRsi(closes, 3));
    }

    [Fact]
    public void Ema_2_of_10_10_10_10_11_is_exactly_10_666666666666668_from_the_weighted_quotient_form()
    {
        Assert.Equal(10.666666666666668, IndicatorMath.EmaSeries([10, 10, 10, 10, 11], 2)[^1]);

        // The case discriminates: the algebraically equal y + a(x − y) gives 10.666666666666666.
        var a = 2.0 / 3;
        Assert.Equal(10.666666666666666, 10 + a * (11 - 10));
    }

    [Fact]
    public void Moving_average_price_14_of_fourteen_equal_closes_is_that_close_exactly()
    {
        var closes = Enumerable.Repeat(103.7, 14).ToArray();

        Assert.Equal(103.7, IndicatorMath.MovingAveragePrice(closes, 14));

        // The rule matters: the plain sum / n would give 103.70000000000003.
        var sum = 0.0;
        foreach (var close in closes)
        {
            sum += close;
        }

        Assert.NotEqual(103.7, sum / 14);
    }

    [Fact]
    public void Stdev_price_14_of_fourteen_equal_closes_is_exactly_zero()
    {
        var closes = Enumerable.Repeat(103.7, 14).ToArray();

        AssertBitEqual(0.0, IndicatorMath.StdevPrice(closes, 14));
    }

    [Fact]
    public void Moving_average_return_of_bit_equal_returns_is_the_last_return_times_100()
    {
        // Every close is the previous × 1.45, and every P_k / P_(k−1) − 1 is the same double.
        double[] closes = [100, 145, 210.25, 304.8625, 442.050625, 640.97340625];
        var last = closes[5] / closes[4] - 1;
        for (var k = 1; k < closes.Length; k++)
        {
            AssertBitEqual(last, closes[k] / closes[k - 1] - 1, "precondition: returns are bit-equal");
        }

        var actual = IndicatorMath.MovingAverageReturn(closes, 5);

        AssertBitEqual(last * 100, actual);
        Assert.Equal(44.99999999999999, actual);
        Assert.Equal(45.0, (last + last + last + last + last) / 5 * 100); // what the plain mean would give
    }

    [Fact]
    public void Stdev_return_of_bit_equal_returns_is_exactly_zero()
    {
        // Every close is the previous × 1.03; the plain two-pass σ of these R would be a tiny non-zero number.
        double[] closes = [100, 103, 106.09, 109.2727];

        AssertBitEqual(0.0, IndicatorMath.StdevReturn(closes, 3));
    }

    [Fact]
    public void Constant_closes_give_rsi_50_and_zero_deviation_and_zero_drawdown()
    {
        double[] closes = [20, 20, 20, 20];

        AssertBitEqual(50.0, IndicatorMath.RsiSeries(closes, 2)[^1]);
        AssertBitEqual(0.0, IndicatorMath.StdevReturn(closes, 3));
        AssertBitEqual(0.0, IndicatorMath.StdevPrice(closes, 3));
        AssertBitEqual(0.0, IndicatorMath.MaxDrawdown(closes, 3));
    }

    [Fact]
    public void Rsi_of_only_gains_is_100()
    {
        AssertBitEqual(100.0, IndicatorMath.RsiSeries([1, 2, 3], 2)[^1]);
    }

    [Fact]
    public void Rsi_2_of_CCC_follows_the_hand_computed_averages()
    {
        // Δ = 0, 1, −0.5 → G = 0, 1, 0 and L = 0, 0, 0.5; with n = 2: α = 0.5, c = 1, a = 0.5.
        double[] averageGain = new double[3];
        double[] averageLoss = new double[3];
        ExponentialWeighting.Apply([0, 1, 0], 0.5, averageGain);
        ExponentialWeighting.Apply([0, 0, 0.5], 0.5, averageLoss);

        Assert.Equal([0, 0.5, 0.25], averageGain);
        Assert.Equal([0, 0, 0.25], averageLoss);
        AssertBitEqual(50.0, IndicatorMath.RsiSeries(PriceFixtures.ClosesAsOf("CCC", PriceFixtures.AsOf), 2)[^1]);
    }

    [Fact]
    public void Rsi_and_scores_match_the_doubles_printed_in_the_golden_json()
    {
        var aaa = PriceFixtures.ClosesAsOf("AAA", PriceFixtures.AsOf);
        var bbb = PriceFixtures.ClosesAsOf("BBB", PriceFixtures.AsOf);

        Assert.Equal(81.73624802305176, IndicatorMath.RsiSeries(aaa, 3)[^1]);
        Assert.Equal(79.32344217690053, IndicatorMath.RsiSeries(aaa, 5)[^1]);
        Assert.Equal(27.56884753047929, IndicatorMath.RsiSeries(bbb, 5)[^1]);
    }

    [Fact]
    public void Stdev_return_3_gives_the_group_volatilities_of_T3_13_bit_for_bit()
    {
        // T3 #13 prints vol_G1 = 27.5937954285477 (AAA alone) and vol_G2 = 55.77947006918381 (AAA and BBB at 0.5
        // each, averaged in decimal as §5 rule 9 prescribes, then rounded to the nearest double).
        var aaa = IndicatorMath.StdevReturn(PriceFixtures.ClosesAsOf("AAA", PriceFixtures.AsOf), 3);
        var bbb = IndicatorMath.StdevReturn(PriceFixtures.ClosesAsOf("BBB", PriceFixtures.AsOf), 3);

        Assert.Equal("27.5937954285477", aaa.ToString("R", CultureInfo.InvariantCulture));
        var average = (0.5m * ToDecimal(aaa) + 0.5m * ToDecimal(bbb)) / (0.5m + 0.5m);
        Assert.Equal(55.77947006918381, (double)average);
    }

    [Fact]
    public void Rsi_3_with_the_live_bar_of_T6c_is_86_162010()
    {
        var closes = PriceFixtures.AaaWithLiveBar();

        Assert.Equal(113.5, closes[^1]);
        Assert.InRange(IndicatorMath.RsiSeries(closes, 3)[^1], 86.162010 - 1e-6, 86.162010 + 1e-6);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(6)]
    [InlineData(19)]
    public void Rsi_smoothing_factor_goes_through_c_even_where_that_is_not_the_double_nearest_one_over_n(int n)
    {
        var alpha = 1.0 / n;
        var c = (1 - alpha) / alpha;
        var a = 1 / (1 + c);
        Assert.NotEqual(alpha, a); // these n are the interesting ones

        var closes = RandomCloses(new Random(n), 300);
        var actual = IndicatorMath.RsiSeries(closes, n);

        var viaC = RsiThroughEw(closes, a);
        var viaOneOverN = RsiThroughEw(closes, alpha);
        var differs = false;
        for (var i = n - 1; i < closes.Length; i++)
        {
            AssertBitEqual(viaC[i], actual[i], FormattableString.Invariant($"bar {i}:"));
            differs |= viaC[i] != viaOneOverN[i];
        }

        Assert.True(differs, "the data must tell a = 1/(1 + c) from 1/n");
    }

    [Fact]
    public void Max_drawdown_of_rising_closes_is_zero_and_never_negative()
    {
        AssertBitEqual(0.0, IndicatorMath.MaxDrawdown([1, 2, 3, 4], 4));
        AssertBitEqual(0.0, IndicatorMath.MaxDrawdown([5], 1));
    }

    [Fact]
    public void Max_drawdown_measures_from_the_running_peak_not_the_window_maximum()
    {
        // Peak 10 then 8 (20 %); the later high of 12 and dip to 11 is only 8.33 %.
        var actual = IndicatorMath.MaxDrawdown([10, 8, 12, 11], 4);

        Assert.Equal((1 - 8.0 / 10) * 100, actual);
    }

    private static decimal ToDecimal(double value) =>
        decimal.Parse(value.ToString("R", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);

    private static double[] RsiThroughEw(double[] closes, double a)
    {
        var gains = new double[closes.Length];
        var losses = new double[closes.Length];
        for (var k = 1; k < closes.Length; k++)
        {
            gains[k] = Math.Max(closes[k] - closes[k - 1], 0);
            losses[k] = Math.Max(closes[k - 1] - closes[k], 0);
        }

        ExponentialWeighting.Apply(gains, a, gains);
        ExponentialWeighting.Apply(losses, a, losses);
        var rsi = new double[closes.Length];
        for (var k = 0; k < closes.Length; k++)
        {
            rsi[k] = losses[k] == 0 ? (gains[k] > 0 ? 100 : 50) : 100 - 100 / (1 + gains[k] / losses[k]);
        }

        return rsi;
    }

    /// <summary>RSI with a = 1/n and the forbidden update y + a(x − y), to show the bit-exact case tells it apart.</summary>
    private static double NaiveRsi(double[] closes, int n)
    {
        var a = 1.0 / n;
        double gain = 0, loss = 0;
        for (var k = 1; k < closes.Length; k++)
        {
            var delta = closes[k] - closes[k - 1];
            gain += a * (Math.Max(delta, 0) - gain);
            loss += a * (Math.Max(-delta, 0) - loss);
        }

        return loss == 0 ? (gain > 0 ? 100 : 50) : 100 - 100 / (1 + gain / loss);
    }

    internal static double[] RandomCloses(Random random, int count)
    {
        var closes = new double[count];
        closes[0] = 50 + random.NextDouble() * 100;
        for (var i = 1; i < count; i++)
        {
            // About one bar in five repeats the previous close, to exercise the EW "x == y" branch.
            closes[i] = random.Next(5) == 0
                ? closes[i - 1]
                : Math.Round(closes[i - 1] * (1 + (random.NextDouble() - 0.5) * 0.06), 2);
        }

        return closes;
    }
}
