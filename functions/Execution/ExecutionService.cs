using Alchemiser.Core.Brokerage;
using Alchemiser.Core.Events;
using Alchemiser.Core.Hosting;
using Alchemiser.Core.Time;
using Alchemiser.Core.Trading;

namespace Alchemiser.Execution;

/// <summary>
/// Execution's logic: takes a RebalancePlanned and trades it — the unblocked sells first, walked through the spread to
/// a final state; then, with buying power refreshed, the unblocked buys, scaled down pro rata when they cost more than
/// buying power × (1 − buffer). Every filled order becomes a ledger row; then TradeExecuted and the run's end
/// (WorkflowCompleted, or WorkflowFailed when a trade was left short) are published together.
/// </summary>
/// <remarks>
/// Safe under duplicate delivery and redelivery after a crash: every client order id is deterministic and looked up
/// before an order is placed, so a delivery adopts what an earlier one placed and resumes each trade from the latest
/// step the broker has; ledger rows are keyed by broker order id and event ids are deterministic. A buy an earlier
/// delivery started keeps the quantities of its orders and is not scaled again.
/// </remarks>
public sealed class ExecutionService
{
    private readonly IBroker _broker;
    private readonly ITradeLedger _ledger;
    private readonly IEventPublisher _events;
    private readonly IClock _clock;
    private readonly SpreadWalker _walker;

    /// <exception cref="Alchemiser.Core.Errors.ConfigurationException">A setting is out of range.</exception>
    public ExecutionService(IBroker broker, ITradeLedger ledger, IEventPublisher events, IClock clock, IDelay delay, ExecutionSettings settings)
    {
        ArgumentNullException.ThrowIfNull(broker);
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(delay);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        _broker = broker;
        _ledger = ledger;
        _events = events;
        _clock = clock;
        Settings = settings;
        _walker = new SpreadWalker(broker, clock, delay, settings);
    }

    public ExecutionSettings Settings { get; }

    /// <summary>
    /// Test hook: called once the orders are final and before the first ledger row is written, with the rows about to
    /// be written. A fault injected here is the crash between "orders placed" and "ledger written".
    /// </summary>
    public Func<EventEnvelope, IReadOnlyList<LedgerFill>, Task>? BeforeLedgerWrite { get; init; }

    /// <summary>Executes the plan of a RebalancePlanned event and publishes the outcome.</summary>
    /// <exception cref="InvalidPlanException">The event is not a valid plan; nothing was placed.</exception>
    /// <exception cref="OrderNotFinalException">An order did not become final in time; redelivery resumes.</exception>
    public async Task<ExecutionResult> HandleAsync(EventEnvelope envelope, CancellationToken cancellationToken = default)
    {
        var plan = ExecutionPlan.From(envelope, Settings.StepFractions.Count);
        var sells = plan.Sells.Select(o => new TradeWalk(o)).ToList();
        var buys = plan.Buys.Select(o => new TradeWalk(o)).ToList();

        await _walker.ResumeAsync(sells, cancellationToken).ConfigureAwait(false);
        var sellArrival = await _walker.SnapshotAsync(sells, cancellationToken).ConfigureAwait(false);
        await _walker.WalkAsync(sells, sellArrival, cancellationToken).ConfigureAwait(false);

        await _walker.ResumeAsync(buys, cancellationToken).ConfigureAwait(false);
        var account = await _broker.GetAccountAsync(cancellationToken).ConfigureAwait(false);
        var buyArrival = await _walker.SnapshotAsync(buys, cancellationToken).ConfigureAwait(false);
        FundBuys(buys, account.BuyingPower, buyArrival);
        await _walker.WalkAsync(buys, buyArrival, cancellationToken).ConfigureAwait(false);

        List<TradeWalk> walks = [.. sells, .. buys];
        await _walker.RefreshOpenAsync(walks, cancellationToken).ConfigureAwait(false);
        var fills = LedgerEntries.For(plan, walks, _clock.UtcNow);
        if (BeforeLedgerWrite is { } hook)
        {
            await hook(envelope, fills).ConfigureAwait(false);
        }

        foreach (var fill in fills)
        {
            await _ledger.RecordAsync(fill, cancellationToken).ConfigureAwait(false);
        }

        var after = await _broker.GetAccountAsync(cancellationToken).ConfigureAwait(false);
        var report = ExecutionReport.TradeExecuted(plan, walks, after.Equity);
        EventEnvelope[] published = report.OrdersFailed == 0
            ? [Envelope(plan, report), Envelope(plan, ExecutionReport.Completed(plan))]
            : [Envelope(plan, report), Envelope(plan, ExecutionReport.Failed(plan, report, walks.Count))];
        await _events.PublishAsync(published, cancellationToken).ConfigureAwait(false);
        return new ExecutionResult(report, published);
    }

    /// <summary>
    /// When <paramref name="message"/> failed on its last receive (the queue moves it to the dead-letter queue next),
    /// publishes a WorkflowFailed for its run and returns it; otherwise does nothing and returns null.
    /// </summary>
    public async Task<EventEnvelope?> ReportFailedDeliveryAsync(SqsMessage message, Exception error, CancellationToken cancellationToken = default)
    {
        if (!DeadLetterFailure.IsLastReceive(message, Settings.MaxReceiveCount))
        {
            return null;
        }

        var failed = DeadLetterFailure.Event(message, error, Settings.MaxReceiveCount, _clock.UtcNow);
        await _events.PublishAsync([failed], cancellationToken).ConfigureAwait(false);
        return failed;
    }

    /// <summary>
    /// Buys an earlier delivery started keep the quantities of their orders. The others are scaled pro rata when they
    /// cost more at current asks (else the last trade, else the plan's estimate) than buying power × (1 − buffer); a buy
    /// scaled to nothing fails for buying power.
    /// </summary>
    private void FundBuys(List<TradeWalk> buys, decimal buyingPower, MarketSnapshot prices)
    {
        foreach (var started in buys.Where(b => b.Started))
        {
            started.TakeQuantitiesFromOrders();
        }

        var fresh = buys.Where(b => !b.Started).ToList();
        var scaled = BuyScaling.ScaleToBudget(
            fresh.Select(b => (b.Target, prices.BuyPrice(b.Symbol) ?? b.Order.EstimatedPrice ?? 0m)).ToList(),
            BuyScaling.Budget(buyingPower, Settings.BuyingPowerBuffer));
        for (var i = 0; i < fresh.Count; i++)
        {
            if (scaled[i] == 0m)
            {
                fresh[i].Abandon(SpreadWalker.InsufficientBuyingPower);
            }
            else
            {
                fresh[i].SetTarget(scaled[i]);
            }
        }
    }

    private EventEnvelope Envelope<T>(ExecutionPlan plan, T payload)
        where T : IEventPayload<T> =>
        EventEnvelope.Create(
            payload,
            EventEnvelope.DeterministicId(plan.CorrelationId, T.EventType),
            plan.CorrelationId,
            plan.EventId,
            _clock.UtcNow,
            EventSources.Execution,
            nameof(ExecutionService));
}
