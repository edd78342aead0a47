using Alchemiser.Core.Hosting;
using System.Globalization;
using Alchemiser.Core.Configuration;
using Alchemiser.Core.Errors;
using Alchemiser.Core.Events;
using Alchemiser.Core.MarketData;
using Alchemiser.Core.Sessions;
using Alchemiser.Core.Time;

namespace Alchemiser.StrategyOrchestrator;

/// <summary>
/// StrategyOrchestrator's logic: on the schedule, checks the market calendar, creates the run's aggregation session
/// (one per stage and trading date unless forced) and publishes one StrategyEvaluationRequested per strategy with
/// deterministic event ids. A second invocation for the same date does not start a second run; if the first left
/// its session collecting, the requests are published again (they are idempotent downstream).
/// </summary>
public sealed class RunOrchestrationService(
    IAggregationSessionStore sessions, IEventPublisher events, IMarketCalendar calendar, IClock clock, OrchestratorSettings settings)
{
    public async Task<RunStart> StartAsync(string stage, DateOnly? tradingDate, bool force, CancellationToken cancellationToken = default)
    {
        var now = clock.UtcNow;
        var date = tradingDate ?? MarketTime.TradingDateOf(now);
        var correlationId = Guid.NewGuid().ToString();

        var day = await calendar.GetDayAsync(date, cancellationToken).ConfigureAwait(false);
        var skipReason = !day.IsOpen
            ? $"market closed on {Format(date)}: {day.ClosedReason}"
            : day.IsEarlyClose && string.Equals(settings.EarlyClosePolicy, "skip", StringComparison.Ordinal)
                ? $"early close on {Format(date)} and the early-close policy is 'skip'"
                : null;
        if (skipReason is not null)
        {
            await PublishAsync(new WorkflowCompleted(date, "skipped", skipReason, null), correlationId, EventTypes.WorkflowCompleted, null, cancellationToken).ConfigureAwait(false);
            return new RunStart(RunStartOutcome.Skipped, correlationId, date, null, 0, skipReason);
        }

        StrategyManifest manifest;
        try
        {
            manifest = StrategyManifest.LoadStage(settings.StrategiesDirectory, stage);
        }
        catch (AlchemiserException e)
        {
            var failed = new WorkflowFailed(date, null, e.Category.ToString().ToLowerInvariant(), e.Message, EventSources.StrategyOrchestrator, [], e.RemediationHint);
            await PublishAsync(failed, correlationId, EventTypes.WorkflowFailed, null, cancellationToken).ConfigureAwait(false);
            return new RunStart(RunStartOutcome.Failed, correlationId, date, null, 0, e.Message);
        }

        var sessionId = force ? $"{stage}:{Format(date)}:{correlationId[..8]}" : $"{stage}:{Format(date)}";
        var strategies = manifest.Strategies.Select(s => new SessionStrategy(s.StrategyId, s.File, s.Weight)).ToList();
        var session = AggregationSession.Start(sessionId, correlationId, date, stage, settings.FailurePolicy, strategies, now, settings.Deadline);
        if (await sessions.TryCreateAsync(session, cancellationToken).ConfigureAwait(false))
        {
            var published = await RequestAsync(session, session.Strategies, stage, cancellationToken).ConfigureAwait(false);
            return new RunStart(RunStartOutcome.Started, correlationId, date, sessionId, published, null);
        }

        var existing = await sessions.GetAsync(sessionId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"session {sessionId} exists but cannot be read");
        if (existing.Status == SessionStatus.Collecting && !existing.IsComplete)
        {
            var reported = existing.Results.Select(r => r.StrategyId).ToHashSet(StringComparer.Ordinal);
            var pending = existing.Strategies.Where(s => !reported.Contains(s.StrategyId)).ToList();
            var published = await RequestAsync(existing, pending, stage, cancellationToken).ConfigureAwait(false);
            return new RunStart(RunStartOutcome.Resumed, existing.CorrelationId, date, sessionId, published,
                string.Create(CultureInfo.InvariantCulture, $"session {sessionId} was still collecting ({existing.ReceivedCount} of {existing.ExpectedCount}); requested the {pending.Count} missing strategies again"));
        }

        return new RunStart(RunStartOutcome.AlreadyRun, existing.CorrelationId, date, sessionId, 0,
            $"the {stage} run for {Format(date)} already exists (session {sessionId}, {existing.Status.ToString().ToLowerInvariant()}); force a new run to run again");
    }

    private async Task<int> RequestAsync(AggregationSession session, IReadOnlyList<SessionStrategy> strategies, string stage, CancellationToken cancellationToken)
    {
        var requests = strategies
            .Select(s => EventEnvelope.Create(
                new StrategyEvaluationRequested(session.SessionId, session.TradingDate, stage, s.StrategyId, s.StrategyFile, s.AllocationWeight, session.ExpectedCount, settings.LiveBarPolicy),
                EventEnvelope.DeterministicId(session.CorrelationId, EventTypes.StrategyEvaluationRequested, s.StrategyId),
                session.CorrelationId,
                null,
                clock.UtcNow,
                EventSources.StrategyOrchestrator,
                nameof(RunOrchestrationService)))
            .ToList();
        if (requests.Count > 0)
        {
            await events.PublishAsync(requests, cancellationToken).ConfigureAwait(false);
        }

        return requests.Count;
    }

    private Task PublishAsync<T>(T payload, string correlationId, string type, string? causationId, CancellationToken cancellationToken)
        where T : IEventPayload<T> =>
        events.PublishAsync(
            [EventEnvelope.Create(payload, EventEnvelope.DeterministicId(correlationId, type), correlationId, causationId, clock.UtcNow, EventSources.StrategyOrchestrator, nameof(RunOrchestrationService))],
            cancellationToken);

    private static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
