using System.Globalization;
using System.Text;
using Alchemiser.Core.Brokerage;
using Alchemiser.Core.Events;
using Alchemiser.Core.Hosting;
using Alchemiser.Core.Logging;
using Alchemiser.Core.Trading;
using Alchemiser.Execution;
using Alchemiser.Functions.Tests.Support;
using static Alchemiser.Functions.Tests.Execution.Simulator.PaperAfternoon;

namespace Alchemiser.Functions.Tests.Execution.Simulator;

/// <summary>
/// The same plan delivered again — a duplicate, a redelivery after a crash, a message that fails on every receive —
/// against the paper-broker simulator, whose orders and fills outlive each delivery in its SQLite file. Derive and say
/// how execution reaches the paper broker (<see cref="Venue"/>).
/// </summary>
public abstract class RedeliveryOnThePaperBrokerScenarios : IAsyncLifetime
{
    private const string QueueArn = "arn:aws:sqs:us-east-1:123456789012:alchemiser-dev-execution";
    private PaperAfternoon _sim = null!;

    /// <summary>How execution reaches the paper broker.</summary>
    protected abstract IPaperVenue Venue { get; }

    public async Task InitializeAsync() => _sim = await PaperAfternoon.StartAsync(Venue);

    public async Task DisposeAsync()
    {
        if (_sim is not null)
        {
            await _sim.DisposeAsync(); // not set when the afternoon failed to start
        }
    }

    /// <summary>SOXL, URA and BIL quoted as they are when the run starts, from <paramref name="at"/> seconds on.</summary>
    private void QuoteTheMarket(double at)
    {
        _sim.Quote("SOXL", at, 24.70m, 24.80m);
        _sim.Quote("URA", at, 36.00m, 36.20m);
        _sim.Quote("BIL", at, 91.60m, 91.70m);
    }

    /// <summary>
    /// 403 SOXL held and sold (never bid at a limit: at market, filled at 31 s); then, from 31 s, 100 URA bought at step 2
    /// (41 s) and 53.25 BIL for two strategies: 0.25 at market at once, 20 of the 53 whole shares from a thin offer at
    /// step 1, the other 33 at market (62 s). Eleven orders, five of them filled.
    /// </summary>
    private async Task<EventEnvelope> BusyAfternoonAsync()
    {
        await _sim.HoldAsync("SOXL", 403m, 24.75m);
        QuoteTheMarket(at: 0);
        _sim.Quote("BIL", 34, 91.60m, 91.65m, askSize: 20m);
        _sim.Quote("BIL", 35, 91.60m, 91.70m);
        _sim.Quote("URA", 43, 36.00m, 36.15m);
        _sim.Quote("URA", 44, 36.00m, 36.20m);
        return Plan(
            Sell("SOXL", 403m, 24.75m),
            Buy("URA", 100m, 36.10m),
            Buy("BIL", 53.25m, 91.65m, new StrategyShare("tecl", 0.55m), new StrategyShare("klm", 0.45m)));
    }

    private static IReadOnlyList<string> Rows(IEnumerable<LedgerFill> rows) =>
        rows.Select(r => string.Join(
                '|',
                r.FillId,
                r.ClientOrderId,
                r.Side,
                r.Quantity.ToString(CultureInfo.InvariantCulture),
                r.Price.ToString(CultureInfo.InvariantCulture),
                r.FilledAt.UtcTicks.ToString(CultureInfo.InvariantCulture),
                r.RecordedAt.UtcTicks.ToString(CultureInfo.InvariantCulture),
                string.Join(',', r.Attribution.Select(a => a.StrategyId + "=" + a.Quantity.ToString(CultureInfo.InvariantCulture)))))
            .ToList();

    private static (string, string, string, string?, string, string) Identity(EventEnvelope e) =>
        (e.EventId, e.EventType, e.CorrelationId, e.CausationId, e.SourceModule, e.Payload.GetRawText());

    [Fact]
    public async Task A_duplicate_delivery_places_no_second_order_writes_no_second_ledger_row_and_publishes_the_same_events()
    {
        var plan = await BusyAfternoonAsync();
        await _sim.RunAsync(plan);
        var orders = await _sim.OrdersAsync();
        var calls = _sim.Broker.Calls.Count;
        var rows = Rows(await _sim.LedgerAsync());
        Assert.Equal((11, 5), (orders.Count, rows.Count));

        _sim.Clock.Advance(TimeSpan.FromSeconds(30)); // the queue hands the message out again; the market is where it was
        QuoteTheMarket(at: _sim.Elapsed);
        await _sim.RunAsync(plan);

        Assert.Equal(orders, await _sim.OrdersAsync());
        Assert.Equal(calls, _sim.Broker.Calls.Count); // every order found by its client order id: no submit, not even a refused one
        Assert.Equal(rows, Rows(await _sim.LedgerAsync()));
        await _sim.AssertLedgerAgreesWithBrokerAsync();
        var batches = _sim.Events.Batches;
        Assert.Equal(2, batches.Count);
        Assert.Equal([$"{CorrelationId}:TradeExecuted", $"{CorrelationId}:WorkflowCompleted"], batches[0].Select(e => e.EventId));
        Assert.Equal(batches[0].Select(Identity), batches[1].Select(Identity));
    }

    [Fact]
    public async Task After_a_crash_between_the_orders_and_the_ledger_a_redelivery_adopts_every_order_and_the_ledger_matches_the_brokers_fills()
    {
        var plan = await BusyAfternoonAsync();
        IReadOnlyList<LedgerFill> aboutToWrite = [];
        var crashing = _sim.Service(beforeLedgerWrite: (_, fills) =>
        {
            aboutToWrite = fills;
            throw new InvalidOperationException("the process died before the ledger write");
        });
        _sim.Start();
        await Assert.ThrowsAsync<InvalidOperationException>(() => crashing.HandleAsync(plan));
        var orders = await _sim.OrdersAsync();
        Assert.Equal(11, orders.Count);
        Assert.All(orders, o => Assert.False(o.IsOpen));
        Assert.Empty(await _sim.LedgerAsync());
        Assert.Empty(_sim.Events.Published);
        var calls = _sim.Broker.Calls.Count;

        _sim.Clock.Advance(TimeSpan.FromMinutes(1)); // the message becomes visible again
        var result = await _sim.RunAsync(plan);

        Assert.Equal(calls, _sim.Broker.Calls.Count);
        Assert.Equal(orders, await _sim.OrdersAsync());
        await _sim.AssertLedgerAgreesWithBrokerAsync();
        var rows = await _sim.LedgerAsync();
        Assert.Equal(
            aboutToWrite.Select(f => (f.FillId, f.Quantity, f.Price)).OrderBy(f => f.FillId, StringComparer.Ordinal),
            rows.Select(f => (f.FillId, f.Quantity, f.Price)).OrderBy(f => f.FillId, StringComparer.Ordinal));
        Assert.Equal(
            [("BIL", 53.25m), ("SOXL", 403m), ("URA", 100m)],
            rows.GroupBy(r => r.Symbol).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, g.Sum(r => r.Quantity))));

        var report = _sim.PublishedReport();
        Assert.Equal(
            orders.Where(o => o.FilledQuantity > 0m).Select(o => (o.Id, o.ClientOrderId, o.FilledQuantity, o.FilledAveragePrice!.Value)).OrderBy(f => f.Id, StringComparer.Ordinal),
            report.Fills.Select(f => (f.OrderId!, f.ClientOrderId, f.Quantity, f.Price)).OrderBy(f => f.Item1, StringComparer.Ordinal));
        Assert.Equal((11, 3, 0), (report.OrdersPlaced, report.OrdersFilled, report.OrdersFailed));
        Assert.Equal(EventTypes.WorkflowCompleted, result.Published[^1].EventType);
    }

    [Fact]
    public async Task A_market_order_a_halt_keeps_open_fails_every_receive_without_being_placed_again_and_the_last_receive_ends_the_run_for_the_dead_letter_queue()
    {
        await _sim.HoldAsync("SOXL", 403m, 24.75m);
        _sim.Quote("SOXL", 0, 24.70m, 24.80m);
        _sim.Quote("SOXL", 25, 0m, 0m, 0m, 0m); // halted after the last limit step, and no trade to fall back on
        var body = EventBridgeEvent.Create(Plan(Sell("SOXL", 403m, 24.75m)), "alchemiser.portfolio").ToJson();
        var function = new Function(_sim.Service(), new JsonLinesLog(new InMemoryLogSink(), clock: _sim.Clock));
        _sim.Start();

        Assert.Equal(["m-halted"], (await ReceiveAsync(function, "m-halted", body, receiveCount: 1)).FailedMessageIds);
        var market = await _sim.OrderAsync(Id("SOXL", "sell", "m"));
        Assert.Equal((OrderStatus.New, 0m, At(30)), (market.Status, market.FilledQuantity, market.SubmittedAt));
        Assert.Equal(At(60), _sim.Clock.UtcNow); // 30 s of polling for the market order
        var calls = _sim.Broker.Calls.Count;
        _sim.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(["m-halted"], (await ReceiveAsync(function, "m-halted", body, receiveCount: 2)).FailedMessageIds);
        Assert.Empty(_sim.Events.Published);
        _sim.Clock.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(["m-halted"], (await ReceiveAsync(function, "m-halted", body, receiveCount: 3)).FailedMessageIds);

        Assert.Equal(calls, _sim.Broker.Calls.Count); // the later receives waited on the market order they found
        Assert.Equal(["1", "2", "3", "m"], (await _sim.OrdersAsync()).Select(StepOf));
        Assert.Equal(OrderStatus.New, (await _sim.OrderAsync(Id("SOXL", "sell", "m"))).Status);
        Assert.Equal(403m, await _sim.PositionAsync("SOXL"));
        Assert.Empty(await _sim.LedgerAsync());
        var failed = Assert.Single(_sim.Events.Published);
        Assert.Equal(($"{CorrelationId}:WorkflowFailed", CorrelationId, (string?)PlanEventId), (failed.EventId, failed.CorrelationId, failed.CausationId));
        var payload = failed.PayloadAs<WorkflowFailed>();
        Assert.Equal(
            (TradingDate, (string?)"sim:2025-06-30", "trading", "execution", DeadLetterFailure.RemediationHint),
            (payload.TradingDate, payload.SessionId, payload.Category, payload.FailedStep, payload.RemediationHint));
        Assert.Equal(
            $"message m-halted failed on receive 3 of 3 and goes to the ExecutionDLQ: order {market.Id} ({market.ClientOrderId}, SOXL) was still New after 30 s",
            payload.Reason);

        // Trading resumes and the dead letter is re-driven, as the hint says: the open market order fills and is recorded.
        _sim.Clock.Advance(TimeSpan.FromMinutes(1));
        _sim.Quote("SOXL", _sim.Elapsed, 24.60m, 24.70m);
        Assert.Empty((await ReceiveAsync(function, "m-redriven", body, receiveCount: 1)).FailedMessageIds);

        Assert.Equal(calls, _sim.Broker.Calls.Count);
        var row = Assert.Single(await _sim.LedgerAsync());
        Assert.Equal((market.Id, 403m, 24.60m), (row.FillId, row.Quantity, row.Price));
        await _sim.AssertLedgerAgreesWithBrokerAsync();
        Assert.Equal(0m, await _sim.PositionAsync("SOXL"));
        Assert.Equal([EventTypes.WorkflowFailed, EventTypes.TradeExecuted, EventTypes.WorkflowCompleted], _sim.Events.Published.Select(e => e.EventType));
    }

    private async Task<SqsBatchResponse> ReceiveAsync(Function function, string messageId, string body, int receiveCount)
    {
        var message = SqsMessage.Create(messageId, body, QueueArn, receiveCount, Open, _sim.Clock.UtcNow, "AIDAEXAMPLESENDER");
        using var input = new MemoryStream(Encoding.UTF8.GetBytes(new SqsBatch([message]).ToJson()));
        using var output = await function.HandleAsync(input);
        using var reader = new StreamReader(output);
        return SqsBatchResponse.FromJson(await reader.ReadToEndAsync());
    }
}
