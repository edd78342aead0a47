namespace Alchemiser.Dsl.Pricing;

/// <summary>
/// The engine's only way to prices (DSL.md §4.1): the full available daily history of a symbol, oldest first.
/// A symbol the source does not know has zero bars.
/// </summary>
public interface IPriceSource
{
    IReadOnlyList<PriceBar> GetBars(string symbol);
}
