namespace Alchemiser.Core.Sessions;

/// <summary>
/// The fan-in state of one run (ARCHITECTURE.md §2): which strategies are expected, which results are in, and whether
/// the outcome has been claimed or published. One session per (stage, trading date) unless a run is forced.
/// </summary>
/// <param name="Deadline">When an incomplete session fails.</param>
/// <param name="ExpiresAt">When the store may delete it (TTL, 7 days).</param>
/// <param name="ClaimedBy">Who claimed publication (status <see cref="SessionStatus.Completing"/>).</param>
/// <param name="ClaimExpiresAt">When an unfinished claim may be taken over (the claimant crashed).</param>
/// <param name="OutcomeEventId">The SignalGenerated or WorkflowFailed event published for it.</param>
public sealed record AggregationSession(
    string SessionId,
    string CorrelationId,
    DateOnly TradingDate,
    string Stage,
    string FailurePolicy,
    IReadOnlyList<SessionStrategy> Strategies,
    DateTimeOffset CreatedAt,
    DateTimeOffset Deadline,
    DateTimeOffset ExpiresAt,
    SessionStatus Status,
    IReadOnlyList<StrategyResult> Results,
    string? ClaimedBy,
    DateTimeOffset? ClaimExpiresAt,
    string? OutcomeEventId)
{
    public int ExpectedCount => Strategies.Count;

    public int ReceivedCount => Results.Count;

    /// <summary>Every expected strategy has a result.</summary>
    public bool IsComplete => Results.Count >= Strategies.Count;

    /// <summary>A new session: collecting, no results.</summary>
    public static AggregationSession Start(
        string sessionId, string correlationId, DateOnly tradingDate, string stage, string failurePolicy,
        IReadOnlyList<SessionStrategy> strategies, DateTimeOffset now, TimeSpan deadline) =>
        new(sessionId, correlationId, tradingDate, stage, failurePolicy, strategies, now, now + deadline, now + TimeToLive,
            SessionStatus.Collecting, [], null, null, null);

    /// <summary>How long a session is kept (the DynamoDB TTL).</summary>
    public static TimeSpan TimeToLive { get; } = TimeSpan.FromDays(7);
}
