namespace Alchemiser.Core.Sessions;

/// <summary>
/// The argument rules every session store applies before it touches its storage, and the exceptions the port names,
/// so that every implementation rejects the same input with the same message.
/// </summary>
public static class SessionChecks
{
    /// <summary>A session to create: an id, strategies with distinct ids, results only for those strategies and at most one each.</summary>
    public static void New(AggregationSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentException.ThrowIfNullOrEmpty(session.SessionId, nameof(session));
        ArgumentNullException.ThrowIfNull(session.Strategies, nameof(session));
        ArgumentNullException.ThrowIfNull(session.Results, nameof(session));
        if (!Enum.IsDefined(session.Status))
        {
            throw new ArgumentOutOfRangeException(nameof(session), session.Status, "unknown session status");
        }

        var expected = new HashSet<string>(StringComparer.Ordinal);
        foreach (var strategy in session.Strategies)
        {
            ArgumentNullException.ThrowIfNull(strategy, nameof(session));
            ArgumentException.ThrowIfNullOrEmpty(strategy.StrategyId, nameof(session));
            if (!expected.Add(strategy.StrategyId))
            {
                throw new ArgumentException($"session '{session.SessionId}' lists strategy '{strategy.StrategyId}' twice", nameof(session));
            }
        }

        var recorded = new HashSet<string>(StringComparer.Ordinal);
        foreach (var result in session.Results)
        {
            Result(result);
            if (!expected.Contains(result.StrategyId))
            {
                throw new ArgumentException($"session '{session.SessionId}' has a result for strategy '{result.StrategyId}', which it does not expect", nameof(session));
            }

            if (!recorded.Add(result.StrategyId))
            {
                throw new ArgumentException($"session '{session.SessionId}' has two results for strategy '{result.StrategyId}'", nameof(session));
            }
        }
    }

    /// <summary>A result to record: a strategy id and the id of the event that carried it.</summary>
    public static void Result(StrategyResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentException.ThrowIfNullOrEmpty(result.StrategyId, nameof(result));
        ArgumentException.ThrowIfNullOrEmpty(result.EventId, nameof(result));
    }

    /// <summary>A claim: a session, a claimant and a lease longer than zero.</summary>
    public static void Claim(string sessionId, string claimant, TimeSpan lease)
    {
        ArgumentException.ThrowIfNullOrEmpty(sessionId);
        ArgumentException.ThrowIfNullOrEmpty(claimant);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lease, TimeSpan.Zero);
    }

    /// <summary>A finish: a session, its claimant, a final status (Completed or Failed) and the outcome event's id.</summary>
    public static void Finish(string sessionId, string claimant, SessionStatus outcome, string outcomeEventId)
    {
        ArgumentException.ThrowIfNullOrEmpty(sessionId);
        ArgumentException.ThrowIfNullOrEmpty(claimant);
        ArgumentException.ThrowIfNullOrEmpty(outcomeEventId);
        if (outcome is not (SessionStatus.Completed or SessionStatus.Failed))
        {
            throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "a session finishes as Completed or Failed");
        }
    }

    public static InvalidOperationException UnknownSession(string sessionId) =>
        new($"there is no aggregation session '{sessionId}'");

    public static InvalidOperationException UnexpectedStrategy(string sessionId, string strategyId) =>
        new($"aggregation session '{sessionId}' does not expect a result from strategy '{strategyId}'");
}
