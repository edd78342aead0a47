using Alchemiser.Dsl.Indicators;

namespace Alchemiser.Dsl.Tests.Indicators;

/// <summary>EW(x, a) of DSL.md §6: y_0 = x_0; y_k = y_{k−1} when x_k equals it, else (f·y_{k−1} + a·x_k)/(f + a).</summary>
public sealed class ExponentialWeightingTests
{
    [Fact]
    public void First_output_is_the_first_input()
    {
        var y = new double[3];

        ExponentialWeighting.Apply([7.25, 9, 3], 0.4, y);

        Assert.Equal(7.25, y[0]);
    }

    [Fact]
    public void Each_step_is_the_weighted_quotient_of_the_previous_output_and_the_new_input()
    {
        var y = new double[3];
        const double a = 0.4;
        const double f = 1 - a;

        ExponentialWeighting.Apply([10, 20, 5], a, y);

        var y1 = (f * 10 + a * 20) / (f + a);
        Assert.Equal([10, y1, (f * y1 + a * 5) / (f + a)], y);
    }

    [Fact]
    public void An_input_equal_to_the_previous_output_keeps_that_output_bit_for_bit()
    {
        var a = 1 / (1 + (1 - 1.0 / 3) / (1.0 / 3));
        var f = 1 - a;
        var x = Enumerable.Repeat(99.99, 50).ToArray();
        var y = new double[x.Length];

        ExponentialWeighting.Apply(x, a, y);

        Assert.All(y, value => IndicatorValue.AssertBitEqual(99.99, value));

        // The rule matters: the quotient applied to the constant drifts to 99.99000000000001.
        Assert.NotEqual(99.99, (f * 99.99 + a * 99.99) / (f + a));
    }

    [Fact]
    public void Output_may_overwrite_the_input_in_place()
    {
        double[] x = [4, 8, 8, 2, 6];
        var separate = new double[x.Length];
        ExponentialWeighting.Apply(x, 0.3, separate);

        ExponentialWeighting.Apply(x, 0.3, x);

        Assert.Equal(separate, x);
    }

    [Fact]
    public void Empty_input_writes_nothing_and_a_short_destination_is_rejected()
    {
        double[] y = [42];
        ExponentialWeighting.Apply([], 0.5, y);
        Assert.Equal(42, y[0]);

        Assert.Throws<ArgumentException>(() => ExponentialWeighting.Apply([1, 2, 3], 0.5, new double[2]));
    }

    [Fact]
    public void Ema_series_is_EW_of_the_closes_with_factor_two_over_n_plus_one()
    {
        var closes = IndicatorExactnessTests.RandomCloses(new Random(3), 60);
        var expected = new double[closes.Length];
        ExponentialWeighting.Apply(closes, 2.0 / (10 + 1), expected);

        var ema = IndicatorMath.EmaSeries(closes, 10);

        for (var i = 9; i < closes.Length; i++)
        {
            IndicatorValue.AssertBitEqual(expected[i], ema[i]);
        }
    }
}
