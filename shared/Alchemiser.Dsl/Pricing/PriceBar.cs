namespace Alchemiser.Dsl.Pricing;

/// <summary>One daily close as the engine sees it (DSL.md §4.1). Indicator math is double.</summary>
public readonly record struct PriceBar(DateOnly Date, double Close);
