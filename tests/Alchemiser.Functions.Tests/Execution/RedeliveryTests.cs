using Alchemiser.Core.Events;
using Alchemiser.Execution;
using Alchemiser.Functions.Tests.Execution.Support;
using static Alchemiser.Functions.Tests.Execution.Support.ExecutionScenario;

namespace Alchemiser.Functions.Tests.Execution;

/// <summary>The same plan delivered again — a duplicate, or a redelivery after a crash — never places an order twice.</summary>
public sealed class RedeliveryTests
{
    private readonly ExecutionScenario _run = new();

    private EventEnvelope BusyAfternoon()
    {
        _run.Quote("SOXL", 24.70m, 24.80m);
        _run.Quote("URA", 36.00m, 36.20m);
        _run.Quote("BIL", 91.60m, 91.70m);
        _run.Broker.Hold("SOXL", 403m);
        _run.Broker.FillOnPlacement("SOXL", "2");
        _run.Broker.FillOnPlacement("URA", "1", quantity: 40m);
        _run.Broker.FillOnPlacement("BIL", "1");
        return _run.Plan(Sell("SOXL", 403m, 24.75m), Buy("URA", 100m, 36.10m), Buy("BIL", 53.25m, 91.65m, new("tecl", 0.55m), new("klm", 0.45m)));
    }

    private static (string, string, string, string?, string, string) Identity(EventEnvelope e) =>
        (e.EventId, e.EventType, e.CorrelationId, e.CausationId, e.SourceModule, e.Payload.GetRawText());

    [Fact]
    public async Task A_duplicate_delivery_places_no_second_order_writes_nothing_twice_and_publishes_the_same_events()
    {
        var plan = BusyAfternoon();
        await _run.RunAsync(plan);
        var orders = _run.Broker.Orders.ToList();
        var actions = _run.Broker.Actions.Count;
        var fills = await _run.Ledger.ByCorrelationAsync(CorrelationId);

        await _run.RunAsync(plan);

        Assert.Equal(orders, _run.Broker.Orders);
        Assert.Equal(actions, _run.Broker.Actions.Count);
        Assert.Empty(_run.Broker.Refusals); // found by client id before any submit, not refused as a duplicate
        Assert.Equal(fills, await _run.Ledger.ByCorrelationAsync(CorrelationId));
        Assert.Equal(2, _run.Events.Batches.Count);
        Assert.Equal(_run.Events.Batches[0].Select(Identity), _run.Events.Batches[1].Select(Identity));
    }

    [Fact]
    public async Task After_a_crash_between_the_orders_and_the_ledger_a_redelivery_adopts_the_orders_and_the_ledger_matches_the_brokers_fills()
    {
        var plan = BusyAfternoon();
        var crashing = _run.Service(beforeLedgerWrite: (_, _) => throw new InvalidOperationException("the process died before the ledger write"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => crashing.HandleAsync(plan));
        Assert.Empty(await _run.Ledger.ByCorrelationAsync(CorrelationId));
        Assert.Empty(_run.Events.Published);
        var actions = _run.Broker.Actions.Count;

        var result = await _run.RunAsync(plan);

        Assert.Equal(actions, _run.Broker.Actions.Count);
        Assert.Empty(_run.Broker.Refusals);
        var brokerFills = _run.Broker.Orders
            .Where(o => o.FilledQuantity > 0m)
            .Select(o => (o.Id, o.ClientOrderId, o.Symbol, o.FilledQuantity, o.FilledAveragePrice!.Value))
            .OrderBy(f => f.Id, StringComparer.Ordinal);
        var ledger = (await _run.Ledger.ByCorrelationAsync(CorrelationId))
            .Select(f => (f.FillId, f.ClientOrderId, f.Symbol, f.Quantity, f.Price))
            .OrderBy(f => f.FillId, StringComparer.Ordinal);
        Assert.Equal(brokerFills, ledger);
        Assert.Equal(0, result.Report.OrdersFailed);
        Assert.Equal(5, ledger.Count());
    }

    [Fact]
    public async Task A_redelivery_after_a_crash_mid_walk_resumes_from_the_latest_step_the_broker_has()
    {
        _run.Quote("URA", 36.00m, 36.20m);
        var plan = _run.Plan(Buy("URA", 100m, 36.10m));
        var crashing = new ExecutionService(_run.Broker, _run.Ledger, _run.Events, _run.Clock, new CrashingDelay(_run.Clock, crashOnWait: 2), _run.Settings);
        await Assert.ThrowsAsync<InvalidOperationException>(() => crashing.HandleAsync(plan));
        Assert.Equal(["submit 1", "replace 2"], _run.Broker.Actions.Select(a => a.Kind + " " + a.ClientOrderId[^1]));
        _run.Clock.Advance(TimeSpan.FromMinutes(5)); // the message becomes visible again

        var result = await _run.RunAsync(plan);

        Assert.Equal(["submit 1", "replace 2", "replace 3", "cancel 3", "submit m"], _run.Broker.Actions.Select(a => a.Kind + " " + a.ClientOrderId[^1]));
        Assert.Empty(_run.Broker.Refusals);
        Assert.Equal(4, result.Report.OrdersPlaced);
        Assert.Equal(100m, _run.Broker.Position("URA"));
    }

    [Fact]
    public async Task A_trade_whose_market_order_exists_is_done_and_a_redelivery_places_nothing_for_it()
    {
        _run.Quote("URA", 36.00m, 36.20m);
        var plan = _run.Plan(Buy("URA", 100m, 36.10m));
        await _run.RunAsync(plan);
        var delays = _run.Clock.Delays.Count;

        var result = await _run.RunAsync(plan);

        Assert.Equal(5, _run.Broker.Actions.Count);
        Assert.Equal(delays, _run.Clock.Delays.Count);
        Assert.Equal((4, 1), (result.Report.OrdersPlaced, result.Report.OrdersFilled));
    }

    [Fact]
    public async Task A_bought_trade_redelivered_after_its_cash_is_spent_keeps_its_quantity_instead_of_being_scaled_away()
    {
        _run.Broker.Cash = 4_000m;
        _run.Quote("URA", 36.00m, 36.20m);
        _run.Broker.FillOnPlacement("URA", "1");
        var plan = _run.Plan(Buy("URA", 100m, 36.10m));
        await _run.RunAsync(plan);

        var result = await _run.RunAsync(plan);

        Assert.Single(_run.Broker.Orders);
        Assert.Equal((1, 0), (result.Report.OrdersFilled, result.Report.OrdersFailed));
        Assert.Equal(EventTypes.WorkflowCompleted, result.Published[1].EventType);
    }

    [Fact]
    public async Task When_a_racing_delivery_submits_first_the_broker_refuses_the_id_as_used_and_its_order_is_adopted()
    {
        _run.Quote("URA", 36.00m, 36.20m);
        _run.Broker.FillOnPlacement("URA", "1");
        var raced = false;
        _run.Broker.BeforeSubmit = request =>
        {
            if (!raced)
            {
                raced = true;
                _run.Broker.SubmitOrderAsync(request).GetAwaiter().GetResult(); // the other delivery, between our lookup and our submit
            }
        };

        var result = await _run.RunAsync(_run.Plan(Buy("URA", 100m, 36.10m)));

        Assert.Equal([(Id("URA", "buy", "1"), Alchemiser.Core.Brokerage.RejectionReason.DuplicateClientOrderId)], _run.Broker.Refusals);
        Assert.Single(_run.Broker.Orders);
        Assert.Equal((1, 1, 0), (result.Report.OrdersPlaced, result.Report.OrdersFilled, result.Report.OrdersFailed));
    }

    [Fact]
    public async Task Every_submit_and_replace_is_preceded_by_a_lookup_of_its_client_order_id()
    {
        var plan = BusyAfternoon();
        _run.Broker.Reject("URA", "m", Alchemiser.Core.Brokerage.RejectionReason.InsufficientBuyingPower, "insufficient buying power");

        await _run.RunAsync(plan);

        var calls = _run.Broker.Calls;
        var placements = Enumerable.Range(0, calls.Count).Where(i => !calls[i].StartsWith("lookup ", StringComparison.Ordinal)).ToList();
        Assert.Equal(9, placements.Count); // SOXL 1, 2; URA 1, 2, 3, m refused, m again; BIL 1, f
        Assert.All(placements, i => Assert.Equal("lookup " + calls[i][(calls[i].IndexOf(' ') + 1)..], calls[i - 1]));
    }
}
