using Alchemiser.Core.Hosting;
using System.Globalization;
using Alchemiser.Core.Allocation;
using Alchemiser.Core.Events;
using Alchemiser.Core.Sessions;
using Alchemiser.Core.Time;

namespace Alchemiser.SignalAggregator;

/// <summary>
/// SignalAggregator's logic: records each strategy's result exactly once per session and, when the last one is in,
/// publishes exactly one outcome — <see cref="SignalGenerated"/> (Σ strategy weight × allocation, normalized) or
/// <see cref="WorkflowFailed"/>. Safe under duplicate, reordered and concurrent delivery, and under a crash at any
/// point: recording is idempotent, one claimant wins the right to publish, the outcome's event id is deterministic,
/// and a claim whose holder died expires so a redelivery can finish the job.
/// </summary>
public sealed class SignalAggregationService(IAggregationSessionStore sessions, IEventPublisher events, IClock clock)
{
    /// <summary>How long a claimant may take between claiming and finishing before another may take over.</summary>
    public static TimeSpan ClaimLease { get; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Test hook: called after a result is recorded and before completion is attempted. A fault injected here is
    /// the crash between "partial recorded" and "completion published".
    /// </summary>
    public Func<EventEnvelope, AggregationSession, Task>? AfterRecorded { get; init; }

    /// <summary>Handles PartialSignalGenerated and StrategyEvaluationFailed.</summary>
    public async Task HandleAsync(EventEnvelope envelope, CancellationToken cancellationToken = default)
    {
        var result = ToResult(envelope, out var sessionId);
        var session = await sessions.GetAsync(sessionId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"event {envelope.EventId} names session '{sessionId}', which does not exist (or expired)");

        if (session.Status == SessionStatus.Collecting && !session.IsComplete && clock.UtcNow > session.Deadline)
        {
            await FailPastDeadlineAsync(session, envelope.EventId, cancellationToken).ConfigureAwait(false);
            return;
        }

        var recorded = await sessions.RecordResultAsync(sessionId, result, cancellationToken).ConfigureAwait(false);
        if (AfterRecorded is { } hook)
        {
            await hook(envelope, recorded.Session).ConfigureAwait(false);
        }

        if (recorded.Session.IsComplete)
        {
            await CompleteAsync(recorded.Session, envelope.EventId, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>A check without an event: fails the session if it is incomplete past its deadline. True when it failed it.</summary>
    public async Task<bool> CheckDeadlineAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        var session = await sessions.GetAsync(sessionId, cancellationToken).ConfigureAwait(false);
        if (session is not { Status: SessionStatus.Collecting, IsComplete: false } || clock.UtcNow <= session.Deadline)
        {
            return false;
        }

        return await FailPastDeadlineAsync(session, causationId: null, cancellationToken).ConfigureAwait(false);
    }

    private static StrategyResult ToResult(EventEnvelope envelope, out string sessionId)
    {
        switch (envelope.EventType)
        {
            case EventTypes.PartialSignalGenerated:
                var partial = envelope.PayloadAs<PartialSignalGenerated>();
                sessionId = partial.SessionId;
                return new StrategyResult(partial.StrategyId, true, partial.Allocation, null, null, envelope.EventId, envelope.Timestamp);
            case EventTypes.StrategyEvaluationFailed:
                var failed = envelope.PayloadAs<StrategyEvaluationFailed>();
                sessionId = failed.SessionId;
                return new StrategyResult(failed.StrategyId, false, null, failed.Category, failed.Reason, envelope.EventId, envelope.Timestamp);
            default:
                throw new InvalidOperationException($"the aggregator does not handle {envelope.EventType} (event {envelope.EventId})");
        }
    }

    private async Task CompleteAsync(AggregationSession session, string causationId, CancellationToken cancellationToken)
    {
        if (session.Status is SessionStatus.Completed or SessionStatus.Failed)
        {
            return; // a duplicate arriving after the outcome was published
        }

        var claimant = Guid.NewGuid().ToString("N");
        if (!await sessions.TryClaimAsync(session.SessionId, claimant, clock.UtcNow, ClaimLease, cancellationToken).ConfigureAwait(false))
        {
            return; // another delivery is publishing the outcome
        }

        var (outcome, status) = Outcome(session, causationId);
        await events.PublishAsync([outcome], cancellationToken).ConfigureAwait(false);
        await sessions.TryFinishAsync(session.SessionId, claimant, status, outcome.EventId, cancellationToken).ConfigureAwait(false);
    }

    private (EventEnvelope Event, SessionStatus Status) Outcome(AggregationSession session, string causationId)
    {
        var byStrategy = session.Results.ToDictionary(r => r.StrategyId, StringComparer.Ordinal);
        var failed = session.Strategies.Where(s => !byStrategy[s.StrategyId].Succeeded).ToList();
        var succeeded = session.Strategies.Where(s => byStrategy[s.StrategyId].Succeeded).ToList();
        var failedIds = failed.Select(s => s.StrategyId).ToList();

        if (failed.Count > 0 && (session.FailurePolicy == FailurePolicies.Abort || succeeded.Count == 0))
        {
            var first = byStrategy[failed[0].StrategyId];
            var reasons = string.Join("; ", failed.Select(s => $"{s.StrategyId}: {byStrategy[s.StrategyId].FailureReason}"));
            var why = succeeded.Count == 0 ? "every strategy failed" : $"{failed.Count} of {session.ExpectedCount} strategies failed under policy '{session.FailurePolicy}'";
            var workflowFailed = new WorkflowFailed(
                session.TradingDate,
                session.SessionId,
                first.FailureCategory ?? "strategy",
                $"{why}: {reasons}",
                EventSources.StrategyWorker,
                failedIds,
                failed.Count == session.ExpectedCount || session.FailurePolicy == FailurePolicies.Abort
                    ? "fix the failed strategies (alchemiser validate / explain), or set the failure policy to 'proceed' to trade the others"
                    : null);
            return (Envelope(workflowFailed, session, EventTypes.WorkflowFailed, causationId), SessionStatus.Failed);
        }

        var weightSum = succeeded.Sum(s => s.AllocationWeight);
        var contributions = succeeded
            .Select(s => new StrategyContribution(s.StrategyId, s.AllocationWeight / weightSum, ToList(byStrategy[s.StrategyId].Allocation!)))
            .ToList();
        var merged = ConsolidatedAllocation.Merge(contributions);
        var signal = new SignalGenerated(
            session.SessionId,
            session.TradingDate,
            session.ExpectedCount,
            session.ReceivedCount,
            session.FailurePolicy,
            failedIds,
            failed.Count > 0,
            merged.Weights.ToDictionary(w => w.Key, w => w.Value, StringComparer.Ordinal),
            succeeded.Select(s => new StrategyContributionSummary(
                s.StrategyId,
                s.AllocationWeight,
                s.AllocationWeight / weightSum,
                byStrategy[s.StrategyId].Allocation!)).ToList());
        return (Envelope(signal, session, EventTypes.SignalGenerated, causationId), SessionStatus.Completed);
    }

    private async Task<bool> FailPastDeadlineAsync(AggregationSession session, string? causationId, CancellationToken cancellationToken)
    {
        var claimant = Guid.NewGuid().ToString("N");
        if (!await sessions.TryClaimAsync(session.SessionId, claimant, clock.UtcNow, ClaimLease, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        var missing = session.Strategies.Select(s => s.StrategyId).Except(session.Results.Select(r => r.StrategyId), StringComparer.Ordinal).ToList();
        var failed = new WorkflowFailed(
            session.TradingDate,
            session.SessionId,
            "data",
            string.Create(CultureInfo.InvariantCulture,
                $"session incomplete at its deadline {session.Deadline:u}: {session.ReceivedCount} of {session.ExpectedCount} strategies reported; missing {string.Join(", ", missing)}"),
            EventSources.SignalAggregator,
            missing,
            "check the StrategyWorker logs for the missing strategies; the run will not trade today");
        var envelope = Envelope(failed, session, EventTypes.WorkflowFailed, causationId);
        await events.PublishAsync([envelope], cancellationToken).ConfigureAwait(false);
        return await sessions.TryFinishAsync(session.SessionId, claimant, SessionStatus.Failed, envelope.EventId, cancellationToken).ConfigureAwait(false);
    }

    private EventEnvelope Envelope<T>(T payload, AggregationSession session, string type, string? causationId)
        where T : IEventPayload<T> =>
        EventEnvelope.Create(
            payload,
            EventEnvelope.DeterministicId(session.CorrelationId, type),
            session.CorrelationId,
            causationId,
            clock.UtcNow,
            EventSources.SignalAggregator,
            nameof(SignalAggregationService));

    private static List<KeyValuePair<string, decimal>> ToList(IReadOnlyDictionary<string, decimal> allocation) =>
        allocation.OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
}
