namespace Alchemiser.Core.Sessions;

/// <summary>A strategy a session expects a result from, with its allocation weight.</summary>
public sealed record SessionStrategy(string StrategyId, string StrategyFile, decimal AllocationWeight);
