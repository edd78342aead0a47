namespace Alchemiser.Core.Sessions;

/// <summary>
/// One strategy's recorded result: its allocation, or why it failed. <see cref="EventId"/> is the event that carried it.
/// </summary>
public sealed record StrategyResult(
    string StrategyId,
    bool Succeeded,
    IReadOnlyDictionary<string, decimal>? Allocation,
    string? FailureCategory,
    string? FailureReason,
    string EventId,
    DateTimeOffset RecordedAt);
