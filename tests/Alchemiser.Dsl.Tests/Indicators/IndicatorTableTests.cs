using Alchemiser.Dsl.Binding;
using Alchemiser.Dsl.Indicators;
using static Alchemiser.Dsl.Binding.IndicatorKind;

namespace Alchemiser.Dsl.Tests.Indicators;

/// <summary>
/// DSL.md §12 T1 (every cell, as of 2024-01-16) and the indicator values of T6(a) (as of 2024-01-12), run as one
/// table through one theory.
/// </summary>
public sealed class IndicatorTableTests
{
    private static readonly DateOnly T1 = new(2024, 1, 16);
    private static readonly DateOnly T6 = new(2024, 1, 12);

    public static TheoryData<IndicatorCase> Table => new(
    [
        // current-price
        Value(Spec(CurrentPrice, 0), "AAA", 112.000000),
        Value(Spec(CurrentPrice, 0), "BBB", 43.000000),
        Value(Spec(CurrentPrice, 0), "CCC", 10.500000),

        // moving-average-price 3 / 5
        Value(Spec(MovingAveragePrice, 3), "AAA", 110.333333),
        Value(Spec(MovingAveragePrice, 5), "AAA", 109.200000),
        Value(Spec(MovingAveragePrice, 3), "BBB", 45.000000),
        Value(Spec(MovingAveragePrice, 5), "BBB", 46.000000),
        Value(Spec(MovingAveragePrice, 3), "CCC", 10.500000),
        Ins(Spec(MovingAveragePrice, 5), "CCC", 5, 3),

        // exponential-moving-average-price 3 / 5
        Value(Spec(ExponentialMovingAveragePrice, 3), "AAA", 110.281250),
        Value(Spec(ExponentialMovingAveragePrice, 5), "AAA", 109.023116),
        Value(Spec(ExponentialMovingAveragePrice, 3), "BBB", 44.783203),
        Value(Spec(ExponentialMovingAveragePrice, 5), "BBB", 45.614642),
        Value(Spec(ExponentialMovingAveragePrice, 3), "CCC", 10.500000),
        Ins(Spec(ExponentialMovingAveragePrice, 5), "CCC", 5, 3),

        // rsi 2 / 3 / 5 / 14
        Value(Spec(Rsi, 2), "AAA", 85.598706),
        Value(Spec(Rsi, 3), "AAA", 81.736248),
        Value(Spec(Rsi, 5), "AAA", 79.323442),
        Value(Spec(Rsi, 2), "BBB", 19.505678),
        Value(Spec(Rsi, 3), "BBB", 24.241211),
        Value(Spec(Rsi, 5), "BBB", 27.568848),
        Value(Spec(Rsi, 2), "CCC", 50.000000),
        Value(Spec(Rsi, 3), "CCC", 57.142857),
        Ins(Spec(Rsi, 5), "CCC", 5, 3),
        Ins(Spec(Rsi, 14), "AAA", 14, 10),
        Ins(Spec(Rsi, 14), "BBB", 14, 10),
        Ins(Spec(Rsi, 14), "CCC", 14, 3),

        // cumulative-return 2 / 3
        Value(Spec(CumulativeReturn, 2), "AAA", 1.818182),
        Value(Spec(CumulativeReturn, 3), "AAA", 4.672897),
        Value(Spec(CumulativeReturn, 2), "BBB", -4.444444),
        Value(Spec(CumulativeReturn, 3), "BBB", -6.521739),
        Value(Spec(CumulativeReturn, 2), "CCC", 5.000000),
        Ins(Spec(CumulativeReturn, 3), "CCC", 4, 3),

        // moving-average-return 2 / 3
        Value(Spec(MovingAverageReturn, 2), "AAA", 0.921601),
        Value(Spec(MovingAverageReturn, 3), "AAA", 1.548980),
        Value(Spec(MovingAverageReturn, 2), "BBB", -2.033097),
        Value(Spec(MovingAverageReturn, 3), "BBB", -2.080036),
        Value(Spec(MovingAverageReturn, 2), "CCC", 2.727273),
        Ins(Spec(MovingAverageReturn, 3), "CCC", 4, 3),

        // stdev-return 3 / 5
        Value(Spec(StdevReturn, 3), "AAA", 27.593795),
        Value(Spec(StdevReturn, 5), "AAA", 36.183648),
        Value(Spec(StdevReturn, 3), "BBB", 83.965145),
        Value(Spec(StdevReturn, 5), "BBB", 83.806762),
        Ins(Spec(StdevReturn, 3), "CCC", 4, 3),
        Ins(Spec(StdevReturn, 5), "CCC", 6, 3),

        // stdev-price 3 / 5
        Value(Spec(StdevPrice, 3), "AAA", 1.527525),
        Value(Spec(StdevPrice, 5), "AAA", 1.923538),
        Value(Spec(StdevPrice, 3), "BBB", 2.000000),
        Value(Spec(StdevPrice, 5), "BBB", 2.236068),
        Value(Spec(StdevPrice, 3), "CCC", 0.500000),
        Ins(Spec(StdevPrice, 5), "CCC", 5, 3),

        // max-drawdown 3 / 10
        Value(Spec(MaxDrawdown, 3), "AAA", 0.909091),
        Value(Spec(MaxDrawdown, 10), "AAA", 1.904762),
        Value(Spec(MaxDrawdown, 3), "BBB", 8.510638),
        Value(Spec(MaxDrawdown, 10), "BBB", 15.686275),
        Value(Spec(MaxDrawdown, 3), "CCC", 4.545455),
        Ins(Spec(MaxDrawdown, 10), "CCC", 10, 3),

        // percentage-price-oscillator 3 5
        Value(new IndicatorSpec(PercentagePriceOscillator, 3, 5), "AAA", 1.154006),
        Value(new IndicatorSpec(PercentagePriceOscillator, 3, 5), "BBB", -1.822746),
        Ins(new IndicatorSpec(PercentagePriceOscillator, 3, 5), "CCC", 5, 3),

        // percentage-price-oscillator-signal 3 5 2
        Value(new IndicatorSpec(PercentagePriceOscillatorSignal, 3, 5, 2), "AAA", 1.109685),
        Value(new IndicatorSpec(PercentagePriceOscillatorSignal, 3, 5, 2), "BBB", -1.538986),
        Ins(new IndicatorSpec(PercentagePriceOscillatorSignal, 3, 5, 2), "CCC", 7, 3),

        // T6(a): the demo's indicators as of 2024-01-12 see only bars up to that date.
        IndicatorCase.Value(Spec(CurrentPrice, 0), "AAA", T6, 109.000000),
        IndicatorCase.Value(Spec(Rsi, 3), "AAA", T6, 68.157437),
        IndicatorCase.Value(Spec(Rsi, 5), "AAA", T6, 71.084890),
        IndicatorCase.Value(Spec(Rsi, 5), "BBB", T6, 45.082567),
        IndicatorCase.Insufficient(Spec(Rsi, 5), "CCC", T6, 5, 2),
    ]);

    [Theory]
    [MemberData(nameof(Table))]
    public void Indicator_value_at_the_as_of_date_matches_the_reference_table(IndicatorCase row)
    {
        var closes = PriceFixtures.ClosesAsOf(row.Symbol, row.AsOf);
        var needed = IndicatorMath.BarsNeeded(row.Spec);

        if (row.IsInsufficient)
        {
            Assert.Equal(row.Needed, needed);
            Assert.Equal(row.Available, closes.Length);
            Assert.True(closes.Length < needed, "the caller must raise DSL301 for this row");
            return;
        }

        Assert.True(closes.Length >= needed, $"{row} needs {needed} bars, the fixture has {closes.Length}");
        var actual = IndicatorValue.At(row.Spec, closes);
        Assert.InRange(actual, row.Expected - IndicatorCase.Tolerance, row.Expected + IndicatorCase.Tolerance);
    }

    private static IndicatorSpec Spec(IndicatorKind kind, int window) => new(kind, window);

    private static IndicatorCase Value(IndicatorSpec spec, string symbol, double expected) =>
        IndicatorCase.Value(spec, symbol, T1, expected);

    private static IndicatorCase Ins(IndicatorSpec spec, string symbol, int needed, int available) =>
        IndicatorCase.Insufficient(spec, symbol, T1, needed, available);
}
