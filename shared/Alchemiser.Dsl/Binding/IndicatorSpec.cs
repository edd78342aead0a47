using System.Globalization;

namespace Alchemiser.Dsl.Binding;

/// <summary>
/// A fully resolved indicator: kind plus its windows after defaults and truncation (DSL.md §3 rule 5, §6).
/// For PPO, <see cref="Window"/> is the short window, <see cref="LongWindow"/> the long one and
/// <see cref="SmoothWindow"/> the signal's smoothing window; other indicators leave them 0.
/// </summary>
public readonly record struct IndicatorSpec(IndicatorKind Kind, int Window, int LongWindow = 0, int SmoothWindow = 0)
{
    /// <summary>The canonical function name, e.g. <c>rsi</c>, <c>stdev-return</c>.</summary>
    public string Name => NameOf(Kind);

    /// <summary>Name and parameters as error messages print them: <c>rsi(window=5)</c>.</summary>
    public string Describe() => Name + "(" + Parameters() + ")";

    /// <summary>The parameter list alone: <c>window=5</c>, <c>short-window=3, long-window=5</c>, or empty.</summary>
    public string Parameters() => Kind switch
    {
        IndicatorKind.CurrentPrice => string.Empty,
        IndicatorKind.PercentagePriceOscillator =>
            string.Create(CultureInfo.InvariantCulture, $"short-window={Window}, long-window={LongWindow}"),
        IndicatorKind.PercentagePriceOscillatorSignal =>
            string.Create(CultureInfo.InvariantCulture, $"short-window={Window}, long-window={LongWindow}, smooth-window={SmoothWindow}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"window={Window}"),
    };

    public static string NameOf(IndicatorKind kind) => kind switch
    {
        IndicatorKind.CurrentPrice => "current-price",
        IndicatorKind.Rsi => "rsi",
        IndicatorKind.MovingAveragePrice => "moving-average-price",
        IndicatorKind.ExponentialMovingAveragePrice => "exponential-moving-average-price",
        IndicatorKind.CumulativeReturn => "cumulative-return",
        IndicatorKind.MovingAverageReturn => "moving-average-return",
        IndicatorKind.StdevReturn => "stdev-return",
        IndicatorKind.StdevPrice => "stdev-price",
        IndicatorKind.MaxDrawdown => "max-drawdown",
        IndicatorKind.PercentagePriceOscillator => "percentage-price-oscillator",
        IndicatorKind.PercentagePriceOscillatorSignal => "percentage-price-oscillator-signal",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
