namespace Alchemiser.Core.Sessions;

/// <summary>
/// Port: aggregation sessions (in-memory for tests, SQLite locally, DynamoDB in AWS). Every operation is atomic on
/// one session; together they give exactly-once fan-in under duplicate, reordered and concurrent delivery.
/// </summary>
public interface IAggregationSessionStore
{
    /// <summary>Creates the session unless one with its id exists; false means it exists (the run already started).</summary>
    Task<bool> TryCreateAsync(AggregationSession session, CancellationToken cancellationToken = default);

    /// <summary>The session, or null when there is none (or it expired).</summary>
    Task<AggregationSession?> GetAsync(string sessionId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records a strategy's result exactly once: a second result for the same strategy is ignored (Recorded false).
    /// A result for a strategy the session does not expect, or for an unknown session, throws
    /// <see cref="InvalidOperationException"/>.
    /// </summary>
    Task<RecordOutcome> RecordResultAsync(string sessionId, StrategyResult result, CancellationToken cancellationToken = default);

    /// <summary>
    /// Claims the right to publish the outcome: succeeds for exactly one caller while the session is Collecting, or
    /// Completing with an expired claim (the previous claimant died); sets Completing, ClaimedBy, ClaimExpiresAt.
    /// </summary>
    Task<bool> TryClaimAsync(string sessionId, string claimant, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken = default);

    /// <summary>
    /// Marks the outcome published (Completed or Failed) with its event id. Succeeds only for the current claimant
    /// of a Completing session; false otherwise (someone else finished it, or the claim was taken over).
    /// </summary>
    Task<bool> TryFinishAsync(string sessionId, string claimant, SessionStatus outcome, string outcomeEventId, CancellationToken cancellationToken = default);

    /// <summary>Sessions of a stage and trading date, newest first (for status and "already run" reports).</summary>
    Task<IReadOnlyList<AggregationSession>> FindAsync(string stage, DateOnly tradingDate, CancellationToken cancellationToken = default);
}
