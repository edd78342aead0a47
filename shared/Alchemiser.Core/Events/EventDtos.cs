namespace Alchemiser.Core.Events;

/// <summary>The decisions behind one strategy's allocation: how many, and the path taken (<c>file:line:col then|else</c>).</summary>
public sealed record TraceSummary(int Decisions, IReadOnlyList<string> Path);

/// <summary>One strategy's part of a consolidated signal.</summary>
/// <param name="AllocationWeight">The weight the stage gives the strategy.</param>
/// <param name="EffectiveWeight">The weight actually used (renormalized when failed strategies were dropped).</param>
public sealed record StrategyContributionSummary(
    string StrategyId,
    decimal AllocationWeight,
    decimal EffectiveWeight,
    IReadOnlyDictionary<string, decimal> Allocation);

/// <summary>
/// One trade of a rebalance plan. <see cref="Side"/> is <c>buy</c> or <c>sell</c>. <see cref="Attribution"/> names the
/// strategies the trade is for and their share of it (shares &gt; 0, summing to 1); every fill of the trade is split by it.
/// </summary>
public sealed record PlannedTrade(
    string Symbol,
    string Side,
    decimal Quantity,
    decimal EstimatedNotional,
    bool Blocked,
    string? BlockReason,
    IReadOnlyList<StrategyShare> Attribution);

/// <summary>A strategy's share of a planned trade, in (0, 1].</summary>
public sealed record StrategyShare(string StrategyId, decimal Share);

/// <summary>An order of the plan that did not (fully) execute: which, how much was left, the error category and why.</summary>
public sealed record OrderFailure(string Symbol, string Side, decimal UnfilledQuantity, string Category, string Reason);

/// <summary>Target versus current weight of one symbol, and the value to trade.</summary>
public sealed record AllocationComparison(string Symbol, decimal TargetWeight, decimal CurrentWeight, decimal DeltaValue);

/// <summary>One fill. <see cref="SlippageBps"/> compares the fill price with the mid at arrival.</summary>
public sealed record ExecutedFill(string Symbol, string Side, decimal Quantity, decimal Price, string ClientOrderId, string? OrderId, decimal? SlippageBps);
