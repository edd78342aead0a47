using Alchemiser.Dsl.Binding;
using Alchemiser.Dsl.Indicators;
using static Alchemiser.Dsl.Binding.IndicatorKind;

namespace Alchemiser.Dsl.Tests.Indicators;

/// <summary>
/// The no-look-ahead guarantees the evaluator builds on (DSL.md §4.1 rule 2, §6): element i of a recursive series is
/// the definition applied to closes[0..i] alone, and a window indicator reads nothing before its last window.
/// </summary>
public sealed class NoLookAheadTests
{
    public static TheoryData<IndicatorKind, int, int, int> RecursiveSpecs => new()
    {
        { ExponentialMovingAveragePrice, 1, 0, 0 },
        { ExponentialMovingAveragePrice, 2, 0, 0 },
        { ExponentialMovingAveragePrice, 12, 0, 0 },
        { Rsi, 1, 0, 0 },
        { Rsi, 3, 0, 0 },
        { Rsi, 14, 0, 0 },
        { PercentagePriceOscillator, 1, 2, 0 },
        { PercentagePriceOscillator, 3, 5, 0 },
        { PercentagePriceOscillator, 12, 26, 0 },
        { PercentagePriceOscillatorSignal, 1, 2, 1 },
        { PercentagePriceOscillatorSignal, 3, 5, 2 },
        { PercentagePriceOscillatorSignal, 12, 26, 9 },
    };

    public static TheoryData<IndicatorKind, int> WindowSpecs => new()
    {
        { MovingAveragePrice, 1 },
        { MovingAveragePrice, 20 },
        { CumulativeReturn, 1 },
        { CumulativeReturn, 20 },
        { MovingAverageReturn, 1 },
        { MovingAverageReturn, 20 },
        { StdevReturn, 1 },
        { StdevReturn, 20 },
        { StdevPrice, 2 },
        { StdevPrice, 20 },
        { MaxDrawdown, 1 },
        { MaxDrawdown, 20 },
    };

    [Theory]
    [MemberData(nameof(RecursiveSpecs))]
    public void Series_element_i_equals_the_series_computed_over_the_first_i_plus_one_closes_only(
        IndicatorKind kind, int window, int longWindow, int smooth)
    {
        var spec = new IndicatorSpec(kind, window, longWindow, smooth);
        var needed = IndicatorMath.BarsNeeded(spec);
        for (var seed = 1; seed <= 5; seed++)
        {
            var closes = IndicatorExactnessTests.RandomCloses(new Random(seed), 90);
            var full = IndicatorContractTests.Series(spec, closes);

            for (var i = needed - 1; i < closes.Length; i++)
            {
                var prefix = IndicatorContractTests.Series(spec, closes[..(i + 1)]);
                IndicatorValue.AssertBitEqual(prefix[i], full[i], FormattableString.Invariant($"seed {seed}, bar {i}:"));
            }
        }
    }

    [Theory]
    [MemberData(nameof(RecursiveSpecs))]
    public void Series_element_i_ignores_any_change_to_later_closes(
        IndicatorKind kind, int window, int longWindow, int smooth)
    {
        var spec = new IndicatorSpec(kind, window, longWindow, smooth);
        var random = new Random(window * 1000 + longWindow);
        var closes = IndicatorExactnessTests.RandomCloses(random, 90);
        var asOf = 60;
        var altered = (double[])closes.Clone();
        for (var i = asOf + 1; i < altered.Length; i++)
        {
            altered[i] = 1 + random.NextDouble() * 1000;
        }

        var original = IndicatorContractTests.Series(spec, closes);
        var changed = IndicatorContractTests.Series(spec, altered);

        for (var i = 0; i <= asOf; i++)
        {
            IndicatorValue.AssertBitEqual(original[i], changed[i], FormattableString.Invariant($"bar {i}:"));
        }
    }

    [Theory]
    [MemberData(nameof(WindowSpecs))]
    public void Window_indicator_reads_only_the_bars_of_its_last_window(IndicatorKind kind, int window)
    {
        var spec = new IndicatorSpec(kind, window);
        var needed = IndicatorMath.BarsNeeded(spec);
        var closes = IndicatorExactnessTests.RandomCloses(new Random(window), 40);
        var poisoned = (double[])closes.Clone();
        poisoned.AsSpan(0, closes.Length - needed).Fill(double.NaN);

        var expected = IndicatorValue.At(spec, closes);

        Assert.True(double.IsFinite(expected));
        IndicatorValue.AssertBitEqual(expected, IndicatorValue.At(spec, poisoned));
        IndicatorValue.AssertBitEqual(expected, IndicatorValue.At(spec, closes[^needed..]));
    }
}
