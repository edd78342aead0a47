namespace Alchemiser.Dsl.Binding;

/// <summary>The indicators of DSL.md §6 (aliases resolved to these).</summary>
public enum IndicatorKind
{
    CurrentPrice,
    Rsi,
    MovingAveragePrice,
    ExponentialMovingAveragePrice,
    CumulativeReturn,
    MovingAverageReturn,
    StdevReturn,
    StdevPrice,
    MaxDrawdown,
    PercentagePriceOscillator,
    PercentagePriceOscillatorSignal,
}
