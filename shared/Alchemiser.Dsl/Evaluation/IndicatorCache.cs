using Alchemiser.Dsl.Binding;
using Alchemiser.Dsl.Indicators;

namespace Alchemiser.Dsl.Evaluation;

/// <summary>
/// Indicator values shared across a whole evaluation tree and across evaluations of one engine (DSL.md §5 rule 10,
/// §6). Recursive indicators (EMA, RSI, PPO, PPO signal) are computed once per (symbol, parameters) as a series over
/// the bars up to the latest as-of date seen and indexed by bar; window indicators are memoized per
/// (symbol, parameters, as-of view length). A hit always equals recomputation: element i of a series depends only
/// on bars 0..i.
/// </summary>
internal sealed class IndicatorCache
{
    private readonly Dictionary<(SymbolHistory, IndicatorSpec), double[]> _series = [];
    private readonly Dictionary<(SymbolHistory, IndicatorSpec, int), double> _windowValues = [];

    /// <summary>How many recursive series have been computed (each (symbol, parameters) once per as-of extent).</summary>
    public int SeriesComputations { get; private set; }

    /// <summary>
    /// The value of <paramref name="spec"/> at bar <paramref name="length"/> − 1. <paramref name="seriesLength"/> is how
    /// many bars a recursive series may be computed over (the top-level as-of view), ≥ <paramref name="length"/>.
    /// The caller has checked that <paramref name="length"/> ≥ the bars the indicator needs.
    /// </summary>
    public double Value(SymbolHistory history, IndicatorSpec spec, int length, int seriesLength)
    {
        switch (spec.Kind)
        {
            case IndicatorKind.CurrentPrice:
                return history.Closes(length)[length - 1];
            case IndicatorKind.ExponentialMovingAveragePrice:
            case IndicatorKind.Rsi:
            case IndicatorKind.PercentagePriceOscillator:
            case IndicatorKind.PercentagePriceOscillatorSignal:
                return Series(history, spec, length, seriesLength)[length - 1];
            default:
                var key = (history, spec, length);
                if (!_windowValues.TryGetValue(key, out var value))
                {
                    value = WindowValue(history.Closes(length), spec);
                    _windowValues[key] = value;
                }

                return value;
        }
    }

    private double[] Series(SymbolHistory history, IndicatorSpec spec, int length, int seriesLength)
    {
        var key = (history, spec);
        if (_series.TryGetValue(key, out var series) && series.Length >= length)
        {
            return series;
        }

        SeriesComputations++;
        var closes = history.Closes(Math.Max(length, seriesLength));
        series = spec.Kind switch
        {
            IndicatorKind.ExponentialMovingAveragePrice => IndicatorMath.EmaSeries(closes, spec.Window),
            IndicatorKind.Rsi => IndicatorMath.RsiSeries(closes, spec.Window),
            IndicatorKind.PercentagePriceOscillator => IndicatorMath.PpoSeries(closes, spec.Window, spec.LongWindow),
            _ => IndicatorMath.PpoSignalSeries(closes, spec.Window, spec.LongWindow, spec.SmoothWindow),
        };
        _series[key] = series;
        return series;
    }

    private static double WindowValue(ReadOnlySpan<double> closes, IndicatorSpec spec) => spec.Kind switch
    {
        IndicatorKind.MovingAveragePrice => IndicatorMath.MovingAveragePrice(closes, spec.Window),
        IndicatorKind.CumulativeReturn => IndicatorMath.CumulativeReturn(closes, spec.Window),
        IndicatorKind.MovingAverageReturn => IndicatorMath.MovingAverageReturn(closes, spec.Window),
        IndicatorKind.StdevReturn => IndicatorMath.StdevReturn(closes, spec.Window),
        IndicatorKind.StdevPrice => IndicatorMath.StdevPrice(closes, spec.Window),
        IndicatorKind.MaxDrawdown => IndicatorMath.MaxDrawdown(closes, spec.Window),
        _ => throw new ArgumentOutOfRangeException(nameof(spec), spec.Kind, "not a window indicator"),
    };
}
