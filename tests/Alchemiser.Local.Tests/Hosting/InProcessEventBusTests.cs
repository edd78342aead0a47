using Alchemiser.Core.Hosting;
using System.Collections.Concurrent;
using System.Text.Json;
using Alchemiser.Core.Events;
using Alchemiser.Local.Hosting;

namespace Alchemiser.Local.Tests.Hosting;

/// <summary>The in-process bus: routing by template rules, concurrent dispatch, idleness, failures and interception.</summary>
public sealed class InProcessEventBusTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    private static readonly JsonElement EmptyPayload = JsonDocument.Parse("{}").RootElement.Clone();

    private static readonly EventRoute ToWorker = Route("ToWorker", "alchemiser.strategy_orchestrator", EventTypes.StrategyEvaluationRequested, "StrategyWorker");
    private static readonly EventRoute ToAggregator = Route("ToAggregator", "alchemiser.strategy_worker", EventTypes.PartialSignalGenerated, "SignalAggregator");
    private static readonly EventRoute ToPortfolio = Route("ToPortfolio", "alchemiser.signal_aggregator", EventTypes.SignalGenerated, "Portfolio");

    private static EventRoute Route(string rule, string source, string detailType, string consumer) =>
        new(rule, [EventPatternValue.Exact(source)], [EventPatternValue.Exact(detailType)], consumer);

    private static EventEnvelope Event(string type, string module, string id, string? causation = null) =>
        new(id, type, "run-1", causation, new DateTimeOffset(2025, 1, 6, 20, 30, 0, TimeSpan.Zero), module, "Test", 1, EmptyPayload);

    private static EventEnvelope Request(int i) => Event(EventTypes.StrategyEvaluationRequested, EventSources.StrategyOrchestrator, "req-" + i);

    private static Dictionary<string, Func<EventEnvelope, CancellationToken, Task>> Handlers(
        params (string Consumer, Func<EventEnvelope, CancellationToken, Task> Handler)[] handlers) =>
        handlers.ToDictionary(h => h.Consumer, h => h.Handler, StringComparer.Ordinal);

    private static Func<EventEnvelope, CancellationToken, Task> Ignore => (_, _) => Task.CompletedTask;

    [Fact]
    public async Task Twenty_deliveries_run_at_the_same_time_so_each_can_wait_for_all_the_others()
    {
        const int workers = 20;
        var arrived = 0;
        var allArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var deadline = new CancellationTokenSource(Timeout); // one deadline for all, so a sequential bus fails fast
        var bus = new InProcessEventBus([ToWorker], Handlers(("StrategyWorker", async (_, _) =>
        {
            if (Interlocked.Increment(ref arrived) == workers)
            {
                allArrived.SetResult();
            }

            await allArrived.Task.WaitAsync(deadline.Token);
        })));

        await bus.PublishAsync(Enumerable.Range(0, workers).Select(Request).ToList());

        await bus.WhenIdleAsync().WaitAsync(Timeout);
        Assert.Equal(workers, arrived);
        Assert.Empty(bus.Failures);
    }

    [Fact]
    public async Task Publishing_returns_before_the_handler_runs_to_completion()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var finished = false;
        var bus = new InProcessEventBus([ToWorker], Handlers(("StrategyWorker", async (_, _) =>
        {
            await release.Task.WaitAsync(Timeout);
            finished = true;
        })));

        await bus.PublishAsync([Request(1)]).WaitAsync(Timeout);

        Assert.False(finished);
        Assert.Equal(1, bus.PendingDeliveries);
        var idle = bus.WhenIdleAsync();
        Assert.False(idle.IsCompleted);
        release.SetResult();
        await idle.WaitAsync(Timeout);
        Assert.True(finished);
        Assert.Equal(0, bus.PendingDeliveries);
    }

    [Fact]
    public async Task A_handler_does_not_run_on_the_publishing_thread()
    {
        var publisher = Environment.CurrentManagedThreadId;
        var handlerThread = -1;
        using var started = new ManualResetEventSlim();
        var bus = new InProcessEventBus([ToWorker], Handlers(("StrategyWorker", (_, _) =>
        {
            handlerThread = Environment.CurrentManagedThreadId;
            started.Set();
            return Task.CompletedTask;
        })));

        var publish = bus.PublishAsync([Request(1)]);
        Assert.True(started.Wait(Timeout)); // the publishing thread is blocked here, so the handler cannot be running on it

        Assert.True(publish.IsCompletedSuccessfully);
        Assert.NotEqual(publisher, handlerThread);
        await bus.WhenIdleAsync().WaitAsync(Timeout);
    }

    [Fact]
    public async Task Waiting_for_idle_includes_the_events_handlers_publish_and_theirs()
    {
        var log = new ConcurrentQueue<string>();
        InProcessEventBus bus = null!;
        bus = new InProcessEventBus(
            [ToWorker, ToAggregator, ToPortfolio],
            Handlers(
                ("StrategyWorker", async (e, ct) =>
                {
                    await Task.Delay(30, ct);
                    log.Enqueue("worker " + e.EventId);
                    await bus.PublishAsync([Event(EventTypes.PartialSignalGenerated, EventSources.StrategyWorker, "partial-" + e.EventId, e.EventId)], ct);
                }),
                ("SignalAggregator", async (e, ct) =>
                {
                    await Task.Delay(30, ct);
                    log.Enqueue("aggregator " + e.EventId);
                    await bus.PublishAsync([Event(EventTypes.SignalGenerated, EventSources.SignalAggregator, "signal-" + e.EventId, e.EventId)], ct);
                }),
                ("Portfolio", async (e, ct) =>
                {
                    await Task.Delay(30, ct);
                    log.Enqueue("portfolio " + e.EventId);
                })));

        await bus.PublishAsync([Request(1), Request(2)]);
        await bus.WhenIdleAsync().WaitAsync(Timeout);

        Assert.Equal(
            ["aggregator partial-req-1", "aggregator partial-req-2", "portfolio signal-partial-req-1", "portfolio signal-partial-req-2", "worker req-1", "worker req-2"],
            log.Order(StringComparer.Ordinal));
        Assert.Equal(6, bus.Published.Count);
    }

    [Fact]
    public async Task Every_published_event_is_recorded_in_publication_order()
    {
        var bus = new InProcessEventBus([ToWorker], Handlers(("StrategyWorker", Ignore)));

        await bus.PublishAsync([Request(1), Request(2)]);
        await bus.PublishAsync([Request(3)]);
        await bus.WhenIdleAsync().WaitAsync(Timeout);

        Assert.Equal(["req-1", "req-2", "req-3"], bus.Published.Select(e => e.EventId));
    }

    [Fact]
    public async Task An_event_that_matches_two_routes_reaches_both_consumers()
    {
        var reached = new ConcurrentBag<string>();
        var anyRun = new EventRoute("Audit", [EventPatternValue.Prefix("alchemiser.")], [], "Notifications");
        var bus = new InProcessEventBus(
            [ToWorker, anyRun],
            Handlers(
                ("StrategyWorker", (e, _) => { reached.Add("worker"); return Task.CompletedTask; }),
                ("Notifications", (e, _) => { reached.Add("notifications"); return Task.CompletedTask; })));

        await bus.PublishAsync([Request(1)]);
        await bus.WhenIdleAsync().WaitAsync(Timeout);

        Assert.Equal(["notifications", "worker"], reached.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_handler_failure_surfaces_from_the_idle_wait_with_its_event_and_consumer_and_does_not_stop_other_deliveries()
    {
        var delivered = 0;
        var bus = new InProcessEventBus([ToWorker], Handlers(("StrategyWorker", async (e, _) =>
        {
            await Task.Yield();
            if (e.EventId == "req-2")
            {
                throw new InvalidOperationException("strategy file missing");
            }

            Interlocked.Increment(ref delivered);
        })));

        await bus.PublishAsync([Request(1), Request(2), Request(3)]);
        var ex = await Assert.ThrowsAsync<EventBusFailedException>(() => bus.WhenIdleAsync().WaitAsync(Timeout));

        Assert.Equal(2, delivered);
        var failure = Assert.Single(ex.Failures);
        Assert.Equal("req-2", failure.Envelope.EventId);
        Assert.Equal("StrategyWorker", failure.Consumer);
        Assert.Same(ToWorker, failure.Route);
        Assert.False(failure.IsUnrouted);
        Assert.Equal("strategy file missing", Assert.IsType<InvalidOperationException>(Assert.Single(ex.InnerExceptions)).Message);
        Assert.Contains("req-2", ex.Message, StringComparison.Ordinal);
        Assert.Equal(ex.Failures, bus.Failures);
    }

    [Fact]
    public async Task A_handler_that_throws_before_its_first_await_is_a_failure_too()
    {
        var bus = new InProcessEventBus([ToWorker], Handlers(("StrategyWorker", (_, _) => throw new FormatException("bad payload"))));

        await bus.PublishAsync([Request(1)]);

        var ex = await Assert.ThrowsAsync<EventBusFailedException>(() => bus.WhenIdleAsync().WaitAsync(Timeout));
        Assert.IsType<FormatException>(Assert.Single(ex.Failures).Error);
    }

    [Fact]
    public async Task An_event_no_rule_matches_is_recorded_and_raised_as_unrouted()
    {
        var bus = new InProcessEventBus([ToWorker], Handlers(("StrategyWorker", Ignore)));
        var stray = Event(EventTypes.SignalGenerated, EventSources.StrategyWorker, "stray");

        await bus.PublishAsync([Request(1), stray]);

        var ex = await Assert.ThrowsAsync<EventBusFailedException>(() => bus.WhenIdleAsync().WaitAsync(Timeout));
        var failure = Assert.Single(ex.Failures);
        Assert.True(failure.IsUnrouted);
        Assert.Null(failure.Consumer);
        var unrouted = Assert.IsType<UnroutedEventException>(failure.Error);
        Assert.Equal("alchemiser.strategy_worker", unrouted.EventSource);
        Assert.Equal(EventTypes.SignalGenerated, unrouted.DetailType);
        Assert.Contains("stray", unrouted.Message, StringComparison.Ordinal);
        Assert.Equal(["req-1", "stray"], bus.Published.Select(e => e.EventId));
    }

    [Fact]
    public async Task Failures_stay_reported_on_every_later_idle_wait()
    {
        var bus = new InProcessEventBus([ToWorker], Handlers(("StrategyWorker", Ignore)));
        await bus.PublishAsync([Event("Unknown", EventSources.Portfolio, "u")]);

        await Assert.ThrowsAsync<EventBusFailedException>(() => bus.WhenIdleAsync().WaitAsync(Timeout));
        await bus.PublishAsync([Request(1)]);
        var again = await Assert.ThrowsAsync<EventBusFailedException>(() => bus.WhenIdleAsync().WaitAsync(Timeout));

        Assert.Equal("u", Assert.Single(again.Failures).Envelope.EventId);
    }

    [Fact]
    public async Task An_idle_bus_with_no_failures_completes_the_wait_at_once()
    {
        var bus = new InProcessEventBus([ToWorker], Handlers(("StrategyWorker", Ignore)));

        var idle = bus.WhenIdleAsync();

        Assert.True(idle.IsCompletedSuccessfully);
        await idle;
    }

    [Fact]
    public async Task A_parallelism_limit_caps_how_many_deliveries_run_at_once()
    {
        var running = 0;
        var peak = 0;
        var bus = new InProcessEventBus(
            [ToWorker],
            Handlers(("StrategyWorker", async (_, ct) =>
            {
                var now = Interlocked.Increment(ref running);
                InterlockedMax(ref peak, now);
                await Task.Delay(20, ct);
                Interlocked.Decrement(ref running);
            })),
            new InProcessEventBusOptions { MaxDegreeOfParallelism = 2 });

        await bus.PublishAsync(Enumerable.Range(0, 12).Select(Request).ToList());
        await bus.WhenIdleAsync().WaitAsync(Timeout);

        Assert.InRange(peak, 1, 2);
    }

    [Fact]
    public async Task An_interceptor_can_deliver_every_event_twice_in_shuffled_order()
    {
        const int partials = 6;
        var buffered = new List<EventDelivery>();
        var allBuffered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var received = new ConcurrentQueue<string>();
        using var deadline = new CancellationTokenSource(Timeout);
        var bus = new InProcessEventBus(
            [ToAggregator],
            Handlers(("SignalAggregator", (e, _) => { received.Enqueue(e.EventId); return Task.CompletedTask; })),
            new InProcessEventBusOptions
            {
                Interceptor = async (delivery, ct) =>
                {
                    List<EventDelivery>? batch = null;
                    lock (buffered)
                    {
                        buffered.Add(delivery);
                        if (buffered.Count == partials)
                        {
                            batch = [.. buffered];
                        }
                    }

                    if (batch is null)
                    {
                        await allBuffered.Task.WaitAsync(deadline.Token);
                        return;
                    }

                    var random = new Random(7);
                    foreach (var duplicate in batch.Concat(batch).OrderBy(_ => random.Next()).ToList())
                    {
                        await duplicate.DeliverAsync(ct);
                    }

                    allBuffered.SetResult();
                },
            });

        var ids = Enumerable.Range(0, partials).Select(i => "partial-" + i).ToList();
        await bus.PublishAsync(ids.Select(id => Event(EventTypes.PartialSignalGenerated, EventSources.StrategyWorker, id)).ToList());
        await bus.WhenIdleAsync().WaitAsync(Timeout);

        Assert.Equal(ids.Concat(ids).Order(StringComparer.Ordinal), received.Order(StringComparer.Ordinal));
        Assert.NotEqual(ids, received.Take(partials));
    }

    [Fact]
    public async Task What_an_interceptor_throws_is_a_failure_of_that_delivery()
    {
        var bus = new InProcessEventBus(
            [ToWorker],
            Handlers(("StrategyWorker", Ignore)),
            new InProcessEventBusOptions { Interceptor = (d, _) => throw new TimeoutException("lost " + d.Envelope.EventId) });

        await bus.PublishAsync([Request(1)]);

        var ex = await Assert.ThrowsAsync<EventBusFailedException>(() => bus.WhenIdleAsync().WaitAsync(Timeout));
        Assert.Equal("lost req-1", Assert.Single(ex.Failures).Error.Message);
    }

    [Fact]
    public async Task Once_the_bus_token_is_cancelled_deliveries_fail_as_cancelled_and_handlers_see_the_token()
    {
        using var cts = new CancellationTokenSource();
        var seen = new ConcurrentBag<CancellationToken>();
        var bus = new InProcessEventBus(
            [ToWorker],
            Handlers(("StrategyWorker", (_, ct) => { seen.Add(ct); return Task.CompletedTask; })),
            new InProcessEventBusOptions { CancellationToken = cts.Token });

        await bus.PublishAsync([Request(1)]);
        await bus.WhenIdleAsync().WaitAsync(Timeout);
        await cts.CancelAsync();
        await bus.PublishAsync([Request(2)]);

        var ex = await Assert.ThrowsAsync<EventBusFailedException>(() => bus.WhenIdleAsync().WaitAsync(Timeout));
        Assert.IsAssignableFrom<OperationCanceledException>(Assert.Single(ex.Failures).Error);
        Assert.Equal(cts.Token, Assert.Single(seen));
    }

    [Fact]
    public async Task A_publish_with_a_cancelled_token_records_nothing()
    {
        var bus = new InProcessEventBus([ToWorker], Handlers(("StrategyWorker", Ignore)));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => bus.PublishAsync([Request(1)], new CancellationToken(canceled: true)));

        Assert.Empty(bus.Published);
    }

    [Fact]
    public void A_route_whose_consumer_has_no_handler_is_rejected_at_construction()
    {
        var ex = Assert.Throws<ArgumentException>(() => new InProcessEventBus([ToWorker, ToPortfolio], Handlers(("StrategyWorker", Ignore))));

        Assert.Contains("Portfolio", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_handler_for_a_name_no_rule_delivers_to_is_rejected_at_construction()
    {
        var ex = Assert.Throws<ArgumentException>(() =>
            new InProcessEventBus([ToWorker], Handlers(("StrategyWorker", Ignore), ("StrategyWorkers", Ignore))));

        Assert.Contains("StrategyWorkers", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void A_parallelism_limit_below_one_is_rejected(int limit)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            new InProcessEventBus([ToWorker], Handlers(("StrategyWorker", Ignore)), new InProcessEventBusOptions { MaxDegreeOfParallelism = limit }));
    }

    [Fact]
    public async Task The_bus_built_from_template_yaml_carries_a_run_from_request_to_notification()
    {
        var path = new ConcurrentQueue<string>();
        InProcessEventBus bus = null!;
        Func<EventEnvelope, CancellationToken, Task> Step(string consumer, string module, params string[] next) => async (e, ct) =>
        {
            path.Enqueue($"{consumer}<-{e.EventType}");
            await bus.PublishAsync(next.Select(type => Event(type, module, $"{type}:{e.EventId}", e.EventId)).ToList(), ct);
        };

        bus = InProcessEventBus.FromTemplate(
            Path.Combine(RepositoryPaths.Root, TemplateRoutes.FileName),
            Handlers(
                ("StrategyWorker", Step("StrategyWorker", EventSources.StrategyWorker, EventTypes.PartialSignalGenerated)),
                ("SignalAggregator", Step("SignalAggregator", EventSources.SignalAggregator, EventTypes.SignalGenerated)),
                ("Portfolio", Step("Portfolio", EventSources.Portfolio, EventTypes.RebalancePlanned)),
                ("Execution", Step("Execution", EventSources.Execution, EventTypes.TradeExecuted, EventTypes.WorkflowCompleted)),
                ("Notifications", Step("Notifications", EventSources.Notifications))));

        await bus.PublishAsync([Request(1)]);
        await bus.WhenIdleAsync().WaitAsync(Timeout);

        Assert.Equal(
            [
                "Execution<-RebalancePlanned", "Notifications<-PartialSignalGenerated", "Notifications<-RebalancePlanned",
                "Notifications<-SignalGenerated", "Notifications<-StrategyEvaluationRequested", "Notifications<-TradeExecuted",
                "Notifications<-WorkflowCompleted", "Portfolio<-SignalGenerated",
                "SignalAggregator<-PartialSignalGenerated", "StrategyWorker<-StrategyEvaluationRequested",
            ],
            path.Order(StringComparer.Ordinal));
        Assert.All(bus.Published, e => Assert.Equal("run-1", e.CorrelationId));
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var current = Volatile.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
