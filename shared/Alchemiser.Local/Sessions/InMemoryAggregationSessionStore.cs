using Alchemiser.Core.Sessions;

namespace Alchemiser.Local.Sessions;

/// <summary>
/// The aggregation session store for unit tests: sessions held in memory behind one lock, so every operation is
/// atomic and the store is safe to share between threads. It keeps the contract of the SQLite and DynamoDB stores:
/// copies in and out (timestamps in UTC, allocations in ordinal key order, results in the order of the session's
/// strategies), exactly-once results, one claimant at a time. Expired sessions are kept (nothing here has a clock).
/// </summary>
public sealed class InMemoryAggregationSessionStore : IAggregationSessionStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, AggregationSession> _sessions = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task<bool> TryCreateAsync(AggregationSession session, CancellationToken cancellationToken = default)
    {
        SessionChecks.New(session);
        cancellationToken.ThrowIfCancellationRequested();
        var stored = CanonicalSession.Of(session);
        lock (_gate)
        {
            return Task.FromResult(_sessions.TryAdd(stored.SessionId, stored));
        }
    }

    /// <inheritdoc />
    public Task<AggregationSession?> GetAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(sessionId);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Task.FromResult(_sessions.GetValueOrDefault(sessionId));
        }
    }

    /// <inheritdoc />
    public Task<RecordOutcome> RecordResultAsync(string sessionId, StrategyResult result, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(sessionId);
        SessionChecks.Result(result);
        cancellationToken.ThrowIfCancellationRequested();
        var stored = CanonicalSession.Of(result);
        lock (_gate)
        {
            var session = _sessions.GetValueOrDefault(sessionId) ?? throw SessionChecks.UnknownSession(sessionId);
            if (!session.Strategies.Any(s => string.Equals(s.StrategyId, stored.StrategyId, StringComparison.Ordinal)))
            {
                throw SessionChecks.UnexpectedStrategy(sessionId, stored.StrategyId);
            }

            if (session.Results.Any(r => string.Equals(r.StrategyId, stored.StrategyId, StringComparison.Ordinal)))
            {
                return Task.FromResult(new RecordOutcome(false, session));
            }

            var updated = session with { Results = CanonicalSession.InStrategyOrder(session.Strategies, [.. session.Results, stored]) };
            _sessions[sessionId] = updated;
            return Task.FromResult(new RecordOutcome(true, updated));
        }
    }

    /// <inheritdoc />
    public Task<bool> TryClaimAsync(string sessionId, string claimant, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        SessionChecks.Claim(sessionId, claimant, lease);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (!_sessions.TryGetValue(sessionId, out var session) || !IsClaimable(session, now))
            {
                return Task.FromResult(false);
            }

            _sessions[sessionId] = session with
            {
                Status = SessionStatus.Completing,
                ClaimedBy = claimant,
                ClaimExpiresAt = CanonicalSession.Utc(now + lease),
            };
            return Task.FromResult(true);
        }
    }

    /// <inheritdoc />
    public Task<bool> TryFinishAsync(string sessionId, string claimant, SessionStatus outcome, string outcomeEventId, CancellationToken cancellationToken = default)
    {
        SessionChecks.Finish(sessionId, claimant, outcome, outcomeEventId);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (!_sessions.TryGetValue(sessionId, out var session)
                || session.Status != SessionStatus.Completing
                || !string.Equals(session.ClaimedBy, claimant, StringComparison.Ordinal))
            {
                return Task.FromResult(false);
            }

            _sessions[sessionId] = session with { Status = outcome, OutcomeEventId = outcomeEventId };
            return Task.FromResult(true);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<AggregationSession>> FindAsync(string stage, DateOnly tradingDate, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stage);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            IReadOnlyList<AggregationSession> found = SessionOrder.NewestFirst(
                _sessions.Values.Where(s => string.Equals(s.Stage, stage, StringComparison.Ordinal) && s.TradingDate == tradingDate));
            return Task.FromResult(found);
        }
    }

    private static bool IsClaimable(AggregationSession session, DateTimeOffset now) =>
        session.Status == SessionStatus.Collecting
        || (session.Status == SessionStatus.Completing && session.ClaimExpiresAt <= now);
}
