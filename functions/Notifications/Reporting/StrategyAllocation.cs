namespace Alchemiser.Notifications.Reporting;

/// <summary>
/// One strategy's part of the consolidated target: the weight the stage gives it, the weight actually used, and its
/// own allocation, largest weight first (ties by symbol).
/// </summary>
public sealed record StrategyAllocation(
    string StrategyId,
    decimal AllocationWeight,
    decimal EffectiveWeight,
    IReadOnlyList<SymbolWeight> Weights);
