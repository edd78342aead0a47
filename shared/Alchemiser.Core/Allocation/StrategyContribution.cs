namespace Alchemiser.Core.Allocation;

/// <summary>One strategy's allocation and the share of capital the stage gives it.</summary>
public sealed record StrategyContribution(string StrategyId, decimal StrategyWeight, IReadOnlyList<KeyValuePair<string, decimal>> Allocation);
