using Alchemiser.Core.Events;

namespace Alchemiser.Notifications.Reporting;

/// <summary>
/// Everything the daily report shows about one run, gathered from the run's events by <see cref="From"/>. Lists are in
/// a fixed order so that rendering the same report twice gives the same text.
/// </summary>
/// <param name="Stage">The stage (<c>dev</c>, <c>prod</c>), when an event names it.</param>
/// <param name="Reason">Why the run was skipped or failed; null for a completed run.</param>
/// <param name="Strategies">Per-strategy allocations, in the order of <c>SignalGenerated.Contributions</c>.</param>
/// <param name="Target">The consolidated target joined with the plan's comparison, largest target first (ties by symbol).</param>
/// <param name="PlannedTrades">The plan's trades in plan order (sells before buys), blocked ones included.</param>
/// <param name="Fills">The fills in execution order.</param>
/// <param name="FailedOrders">The orders that did not (fully) fill, in execution order: how much was left, the error category and why.</param>
/// <param name="Orders">Order counts; null when the run has no <c>TradeExecuted</c>.</param>
/// <param name="AccountValueBefore">Equity before the first order (<c>TradeExecuted</c>, else the plan's equity); null before planning.</param>
/// <param name="AccountValueAfter">Equity after the last order (<c>TradeExecuted</c>); null before execution reported.</param>
/// <param name="Failures">The workflow failure first, then the failed strategies by id.</param>
public sealed record RunReport(
    DateOnly TradingDate,
    string CorrelationId,
    string? Stage,
    RunOutcome Outcome,
    string? Reason,
    IReadOnlyList<StrategyAllocation> Strategies,
    IReadOnlyList<TargetRow> Target,
    IReadOnlyList<PlannedTrade> PlannedTrades,
    IReadOnlyList<ExecutedFill> Fills,
    IReadOnlyList<OrderFailure> FailedOrders,
    OrderCounts? Orders,
    decimal? AccountValueBefore,
    decimal? AccountValueAfter,
    IReadOnlyList<RunFailure> Failures)
{
    /// <summary>The outcome as the report writes it: <c>completed</c>, <c>skipped</c> or <c>failed</c>.</summary>
    public string OutcomeText => Outcome switch
    {
        RunOutcome.Skipped => "skipped",
        RunOutcome.Failed => "failed",
        _ => "completed",
    };

    /// <summary>
    /// What stopped a failed run (its failed step as <see cref="RunFailure.Source"/>, category, reason and hint): the
    /// first of <see cref="Failures"/> when the outcome is <see cref="RunOutcome.Failed"/>; null otherwise.
    /// </summary>
    public RunFailure? WorkflowFailure => Outcome == RunOutcome.Failed ? Failures.FirstOrDefault() : null;

    /// <summary>
    /// Builds the report of one run from any subset of its events (a skipped run has only <c>WorkflowCompleted</c>, a
    /// failed one may have only <c>WorkflowFailed</c>). Redelivered events (same id) count once; of each single event
    /// type the latest wins. The outcome is <c>failed</c> when a <c>WorkflowFailed</c> is present, else the
    /// <c>WorkflowCompleted</c> outcome, else <c>completed</c>: with a <c>TradeExecuted</c> that is the trade report
    /// (execution publishes its end event beside it) and has no reason; without one the run has not ended yet and the
    /// reason says so. The account values are <c>TradeExecuted</c>'s equity before and after; without it the plan's
    /// equity stands in for the value before.
    /// </summary>
    /// <exception cref="ArgumentException">No event, events of several runs, no event with a trading date, or an unknown outcome.</exception>
    public static RunReport From(IEnumerable<EventEnvelope> runEvents)
    {
        ArgumentNullException.ThrowIfNull(runEvents);
        var events = runEvents
            .DistinctBy(e => e.EventId, StringComparer.Ordinal)
            .OrderBy(e => e.Timestamp)
            .ThenBy(e => e.EventId, StringComparer.Ordinal)
            .ToList();
        if (events.Count == 0)
        {
            throw new ArgumentException("a run report needs at least one event of the run", nameof(runEvents));
        }

        var runs = events.Select(e => e.CorrelationId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (runs.Count > 1)
        {
            throw new ArgumentException($"the events belong to {runs.Count} runs ({string.Join(", ", runs)}); a report covers one", nameof(runEvents));
        }

        var requested = Latest<StrategyEvaluationRequested>(events);
        var signal = Latest<SignalGenerated>(events);
        var plan = Latest<RebalancePlanned>(events);
        var executed = Latest<TradeExecuted>(events);
        var completed = Latest<WorkflowCompleted>(events);
        var failed = Latest<WorkflowFailed>(events);
        var strategyFailures = All<StrategyEvaluationFailed>(events);
        var partial = Latest<PartialSignalGenerated>(events);

        var tradingDate = failed?.TradingDate ?? completed?.TradingDate ?? executed?.TradingDate ?? plan?.TradingDate
            ?? signal?.TradingDate ?? partial?.TradingDate ?? requested?.TradingDate ?? strategyFailures.FirstOrDefault()?.TradingDate
            ?? throw new ArgumentException("none of the events carries a trading date", nameof(runEvents));
        var sessionId = failed?.SessionId ?? completed?.SessionId ?? executed?.SessionId ?? plan?.SessionId
            ?? signal?.SessionId ?? partial?.SessionId ?? requested?.SessionId ?? strategyFailures.FirstOrDefault()?.SessionId;

        var (outcome, reason) = (failed, completed) switch
        {
            ({ } f, _) => (RunOutcome.Failed, (string?)f.Reason),
            (null, { Outcome: "completed" } c) => (RunOutcome.Completed, c.Reason),
            (null, { Outcome: "skipped" } c) => (RunOutcome.Skipped, c.Reason ?? "no reason given"),
            (null, { } c) => throw new ArgumentException($"unknown workflow outcome '{c.Outcome}'", nameof(runEvents)),
            _ when executed is not null => (RunOutcome.Completed, null),
            _ => (RunOutcome.Completed, "the run has not reported its end yet"),
        };

        return new RunReport(
            tradingDate,
            runs[0],
            requested?.Stage ?? StageOf(sessionId),
            outcome,
            reason,
            signal?.Contributions.Select(c => new StrategyAllocation(c.StrategyId, c.AllocationWeight, c.EffectiveWeight, Sorted(c.Allocation))).ToList() ?? [],
            TargetRows(signal, plan),
            plan?.Trades.ToList() ?? [],
            executed?.Fills.ToList() ?? [],
            executed?.FailedOrders.ToList() ?? [],
            executed is null ? null : new OrderCounts(executed.OrdersPlaced, executed.OrdersFilled, executed.OrdersFailed),
            executed?.EquityBefore ?? plan?.Equity,
            executed?.EquityAfter,
            CollectFailures(signal, failed, strategyFailures));
    }

    private static T? Latest<T>(List<EventEnvelope> events)
        where T : class, IEventPayload<T> =>
        events.LastOrDefault(e => string.Equals(e.EventType, T.EventType, StringComparison.Ordinal))?.PayloadAs<T>();

    private static List<T> All<T>(List<EventEnvelope> events)
        where T : class, IEventPayload<T> =>
        [.. events.Where(e => string.Equals(e.EventType, T.EventType, StringComparison.Ordinal)).Select(e => e.PayloadAs<T>())];

    /// <summary>Session ids are <c>{stage}:{trading date}</c>.</summary>
    private static string? StageOf(string? sessionId)
    {
        var colon = sessionId?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        return colon > 0 ? sessionId![..colon] : null;
    }

    private static List<SymbolWeight> Sorted(IEnumerable<KeyValuePair<string, decimal>> weights) =>
        [.. weights
            .OrderByDescending(w => w.Value)
            .ThenBy(w => w.Key, StringComparer.Ordinal)
            .Select(w => new SymbolWeight(w.Key, w.Value))];

    private static List<TargetRow> TargetRows(SignalGenerated? signal, RebalancePlanned? plan)
    {
        var comparison = plan?.Comparison
            .GroupBy(c => c.Symbol, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal)
            ?? new Dictionary<string, AllocationComparison>(StringComparer.Ordinal);
        var targets = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var (symbol, row) in comparison)
        {
            targets[symbol] = row.TargetWeight;
        }

        foreach (var (symbol, weight) in signal?.Portfolio ?? new Dictionary<string, decimal>())
        {
            targets[symbol] = weight;
        }

        return
        [
            .. targets
                .OrderByDescending(t => t.Value)
                .ThenBy(t => t.Key, StringComparer.Ordinal)
                .Select(t => comparison.TryGetValue(t.Key, out var c)
                    ? new TargetRow(t.Key, t.Value, c.CurrentWeight, c.DeltaValue)
                    : new TargetRow(t.Key, t.Value, null, null)),
        ];
    }

    private static List<RunFailure> CollectFailures(SignalGenerated? signal, WorkflowFailed? failed, List<StrategyEvaluationFailed> strategyFailures)
    {
        var failures = new List<RunFailure>();
        if (failed is not null)
        {
            failures.Add(new RunFailure(failed.FailedStep, failed.Category, failed.Reason, failed.RemediationHint));
        }

        var reported = strategyFailures
            .GroupBy(f => f.StrategyId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        var named = (signal?.FailedStrategies ?? []).Concat(failed?.FailedStrategies ?? []).Concat(reported.Keys)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        foreach (var strategyId in named)
        {
            failures.Add(reported.TryGetValue(strategyId, out var f)
                ? new RunFailure($"strategy {strategyId}", f.Category, f.Reason, null)
                : new RunFailure($"strategy {strategyId}", "strategy", "the strategy could not be evaluated and was left out of the target", null));
        }

        return failures;
    }
}
