using Alchemiser.Dsl.Binding;
using Alchemiser.Dsl.Indicators;

namespace Alchemiser.Dsl.Tests.Indicators;

/// <summary>
/// The value of any §6 indicator at the last bar of an as-of view, through the public API only, the way the
/// evaluator combines it: window indicators directly, recursive ones as the last element of their series.
/// </summary>
internal static class IndicatorValue
{
    public static double At(IndicatorSpec spec, double[] closes) => spec.Kind switch
    {
        IndicatorKind.CurrentPrice => closes[^1],
        IndicatorKind.MovingAveragePrice => IndicatorMath.MovingAveragePrice(closes, spec.Window),
        IndicatorKind.CumulativeReturn => IndicatorMath.CumulativeReturn(closes, spec.Window),
        IndicatorKind.MovingAverageReturn => IndicatorMath.MovingAverageReturn(closes, spec.Window),
        IndicatorKind.StdevReturn => IndicatorMath.StdevReturn(closes, spec.Window),
        IndicatorKind.StdevPrice => IndicatorMath.StdevPrice(closes, spec.Window),
        IndicatorKind.MaxDrawdown => IndicatorMath.MaxDrawdown(closes, spec.Window),
        IndicatorKind.ExponentialMovingAveragePrice => IndicatorMath.EmaSeries(closes, spec.Window)[^1],
        IndicatorKind.Rsi => IndicatorMath.RsiSeries(closes, spec.Window)[^1],
        IndicatorKind.PercentagePriceOscillator =>
            IndicatorMath.PpoSeries(closes, spec.Window, spec.LongWindow)[^1],
        IndicatorKind.PercentagePriceOscillatorSignal =>
            IndicatorMath.PpoSignalSeries(closes, spec.Window, spec.LongWindow, spec.SmoothWindow)[^1],
        _ => throw new ArgumentOutOfRangeException(nameof(spec), spec.Kind, "Unknown indicator kind."),
    };

    /// <summary>Asserts bit-equality (distinguishes −0 from 0 and compares NaN payload-insensitively by bits).</summary>
    public static void AssertBitEqual(double expected, double actual, string? context = null)
    {
        if (BitConverter.DoubleToInt64Bits(expected) != BitConverter.DoubleToInt64Bits(actual))
        {
            Assert.Fail(FormattableString.Invariant(
                $"{context} expected {expected:R} but got {actual:R} (not bit-equal)."));
        }
    }
}
