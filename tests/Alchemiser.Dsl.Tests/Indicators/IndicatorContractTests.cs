using Alchemiser.Dsl.Binding;
using Alchemiser.Dsl.Indicators;
using static Alchemiser.Dsl.Binding.IndicatorKind;

namespace Alchemiser.Dsl.Tests.Indicators;

/// <summary>The §6 'Needed' column and the API contract the evaluator relies on (preconditions, warm-up elements).</summary>
public sealed class IndicatorContractTests
{
    [Theory]
    [InlineData(CurrentPrice, 0, 0, 0, 1)]
    [InlineData(MovingAveragePrice, 7, 0, 0, 7)]
    [InlineData(ExponentialMovingAveragePrice, 7, 0, 0, 7)]
    [InlineData(Rsi, 7, 0, 0, 7)]
    [InlineData(CumulativeReturn, 7, 0, 0, 8)]
    [InlineData(MovingAverageReturn, 7, 0, 0, 8)]
    [InlineData(StdevReturn, 7, 0, 0, 8)]
    [InlineData(StdevPrice, 7, 0, 0, 7)]
    [InlineData(MaxDrawdown, 7, 0, 0, 7)]
    [InlineData(PercentagePriceOscillator, 12, 26, 0, 26)]
    [InlineData(PercentagePriceOscillatorSignal, 12, 26, 9, 35)]
    [InlineData(StdevReturn, 65_535, 0, 0, 65_536)]
    public void Bars_needed_follows_the_needed_column(IndicatorKind kind, int window, int longWindow, int smooth, int expected)
    {
        Assert.Equal(expected, IndicatorMath.BarsNeeded(new IndicatorSpec(kind, window, longWindow, smooth)));
    }

    [Theory]
    [InlineData(MovingAveragePrice, 3)]
    [InlineData(CumulativeReturn, 3)]
    [InlineData(MovingAverageReturn, 3)]
    [InlineData(StdevReturn, 3)]
    [InlineData(StdevPrice, 3)]
    [InlineData(MaxDrawdown, 3)]
    public void Window_indicator_with_exactly_the_needed_bars_has_a_finite_value_and_one_bar_fewer_is_rejected(
        IndicatorKind kind, int window)
    {
        var spec = new IndicatorSpec(kind, window);
        double[] closes = [100, 103, 98, 101, 104, 99];
        var needed = IndicatorMath.BarsNeeded(spec);

        Assert.True(double.IsFinite(IndicatorValue.At(spec, closes[..needed])));
        Assert.Throws<ArgumentException>(() => IndicatorValue.At(spec, closes[..(needed - 1)]));
    }

    [Theory]
    [InlineData(MovingAveragePrice, 0)]
    [InlineData(CumulativeReturn, 0)]
    [InlineData(MovingAverageReturn, -1)]
    [InlineData(StdevReturn, 0)]
    [InlineData(StdevPrice, 1)]
    [InlineData(MaxDrawdown, 0)]
    [InlineData(ExponentialMovingAveragePrice, 0)]
    [InlineData(Rsi, 0)]
    public void A_window_below_the_validated_range_is_rejected(IndicatorKind kind, int window)
    {
        double[] closes = [100, 103, 98, 101];

        Assert.ThrowsAny<ArgumentException>(() => IndicatorValue.At(new IndicatorSpec(kind, window), closes));
    }

    [Theory]
    [InlineData(ExponentialMovingAveragePrice, 4, 0, 0)]
    [InlineData(Rsi, 4, 0, 0)]
    [InlineData(PercentagePriceOscillator, 2, 4, 0)]
    [InlineData(PercentagePriceOscillatorSignal, 2, 4, 3)]
    public void Series_elements_before_the_needed_bars_are_NaN_and_all_later_ones_are_finite(
        IndicatorKind kind, int window, int longWindow, int smooth)
    {
        var spec = new IndicatorSpec(kind, window, longWindow, smooth);
        var needed = IndicatorMath.BarsNeeded(spec);
        var closes = IndicatorExactnessTests.RandomCloses(new Random(7), 20);

        var series = Series(spec, closes);

        Assert.Equal(closes.Length, series.Length);
        for (var i = 0; i < series.Length; i++)
        {
            Assert.Equal(i + 1 < needed, double.IsNaN(series[i]));
            Assert.True(double.IsNaN(series[i]) || double.IsFinite(series[i]));
        }
    }

    [Theory]
    [InlineData(ExponentialMovingAveragePrice, 4, 0, 0)]
    [InlineData(Rsi, 4, 0, 0)]
    [InlineData(PercentagePriceOscillator, 2, 4, 0)]
    [InlineData(PercentagePriceOscillatorSignal, 2, 4, 3)]
    public void Series_over_no_closes_is_empty_and_over_fewer_than_needed_is_all_NaN(
        IndicatorKind kind, int window, int longWindow, int smooth)
    {
        var spec = new IndicatorSpec(kind, window, longWindow, smooth);

        Assert.Empty(Series(spec, []));
        Assert.All(Series(spec, [10, 11]), value => Assert.True(double.IsNaN(value)));
    }

    [Fact]
    public void Ppo_signal_starts_at_the_first_ppo_and_smooths_the_ppo_series_from_there()
    {
        // S index j is bar l − 1 + j: S_0 = Q_0 = PPO at bar l − 1, then EW with 2/(k+1).
        var closes = IndicatorExactnessTests.RandomCloses(new Random(11), 40);
        const int s = 3, l = 5, k = 2;
        var ppo = IndicatorMath.PpoSeries(closes, s, l);
        var q = ppo[(l - 1)..];
        var expected = new double[q.Length];
        ExponentialWeighting.Apply(q, 2.0 / (k + 1), expected);

        var signal = IndicatorMath.PpoSignalSeries(closes, s, l, k);

        for (var i = l + k - 1; i < closes.Length; i++)
        {
            IndicatorValue.AssertBitEqual(expected[i - (l - 1)], signal[i], FormattableString.Invariant($"bar {i}:"));
        }
    }

    [Fact]
    public void Ppo_is_the_relative_gap_between_the_short_and_long_ema_in_percent()
    {
        var closes = IndicatorExactnessTests.RandomCloses(new Random(13), 40);
        var shortEma = IndicatorMath.EmaSeries(closes, 3);
        var longEma = IndicatorMath.EmaSeries(closes, 8);

        var ppo = IndicatorMath.PpoSeries(closes, 3, 8);

        for (var i = 7; i < closes.Length; i++)
        {
            IndicatorValue.AssertBitEqual((shortEma[i] - longEma[i]) / longEma[i] * 100, ppo[i], FormattableString.Invariant($"bar {i}:"));
        }
    }

    internal static double[] Series(IndicatorSpec spec, double[] closes) => spec.Kind switch
    {
        ExponentialMovingAveragePrice => IndicatorMath.EmaSeries(closes, spec.Window),
        Rsi => IndicatorMath.RsiSeries(closes, spec.Window),
        PercentagePriceOscillator => IndicatorMath.PpoSeries(closes, spec.Window, spec.LongWindow),
        PercentagePriceOscillatorSignal =>
            IndicatorMath.PpoSignalSeries(closes, spec.Window, spec.LongWindow, spec.SmoothWindow),
        _ => throw new ArgumentOutOfRangeException(nameof(spec), spec.Kind, "Not a recursive indicator."),
    };
}
