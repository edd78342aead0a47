namespace Alchemiser.Core.Trading;

/// <summary>
/// The part of a fill that belongs to one strategy. The attributions of a fill are positive and sum exactly to the
/// fill's quantity (see <see cref="FillAttribution.Split"/>).
/// </summary>
public sealed record StrategyAttribution(string StrategyId, decimal Quantity);
