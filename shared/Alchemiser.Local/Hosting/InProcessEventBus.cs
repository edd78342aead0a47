using Alchemiser.Core.Hosting;
using Alchemiser.Core.Events;

namespace Alchemiser.Local.Hosting;

/// <summary>
/// The local stand-in for the EventBridge bus: routes each published event by the rules of <c>template.yaml</c>
/// (source <c>alchemiser.{source_module}</c>, detail-type <c>{event_type}</c>) and hands it to every matching
/// consumer on the thread pool, concurrently, the way EventBridge invokes Lambdas asynchronously.
/// </summary>
/// <remarks>
/// <para><see cref="PublishAsync"/> returns once the events are recorded and their deliveries queued; it never waits
/// for a handler. <see cref="WhenIdleAsync"/> waits until no delivery is queued or running, which includes the
/// deliveries of events that handlers publish, and then raises every failure as one <see cref="EventBusFailedException"/>.</para>
/// <para>Failures are never lost: a handler's exception and an event no rule matches (which EventBridge would drop)
/// are both recorded in <see cref="Failures"/>. Nothing is retried.</para>
/// </remarks>
public sealed class InProcessEventBus : IEventPublisher
{
    private readonly IReadOnlyList<EventRoute> _routes;
    private readonly Dictionary<string, Func<EventEnvelope, CancellationToken, Task>> _handlers;
    private readonly Func<EventDelivery, CancellationToken, Task>? _interceptor;
    private readonly SemaphoreSlim? _slots;
    private readonly CancellationToken _cancellationToken;
    private readonly Lock _gate = new();
    private readonly List<EventEnvelope> _published = [];
    private readonly List<EventDispatchFailure> _failures = [];
    private int _pending;
    private TaskCompletionSource _idle = CompletedIdle();

    /// <summary>
    /// A bus that delivers along <paramref name="routes"/> to <paramref name="handlers"/>, keyed by consumer name (the
    /// function's logical id in <c>template.yaml</c>, e.g. <c>StrategyWorker</c>). Every consumer of a route needs a
    /// handler, and every handler must be the consumer of some route, so a misspelt name fails here and not mid-run.
    /// </summary>
    public InProcessEventBus(
        IEnumerable<EventRoute> routes,
        IReadOnlyDictionary<string, Func<EventEnvelope, CancellationToken, Task>> handlers,
        InProcessEventBusOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(routes);
        ArgumentNullException.ThrowIfNull(handlers);
        options ??= new InProcessEventBusOptions();

        _routes = routes.ToList();
        _handlers = new Dictionary<string, Func<EventEnvelope, CancellationToken, Task>>(handlers, StringComparer.Ordinal);

        var consumers = _routes.Select(r => r.Consumer).Distinct(StringComparer.Ordinal).ToList();
        var missing = consumers.Where(c => !_handlers.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            throw new ArgumentException($"no handler for the consumer(s) {string.Join(", ", missing)} that template rules deliver to", nameof(handlers));
        }

        var unused = _handlers.Keys.Where(name => !consumers.Contains(name, StringComparer.Ordinal)).ToList();
        if (unused.Count > 0)
        {
            throw new ArgumentException(
                $"handler(s) for {string.Join(", ", unused)}, which no rule delivers to; consumers are: {string.Join(", ", consumers)}", nameof(handlers));
        }

        if (options.MaxDegreeOfParallelism is { } max)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(max, 1, nameof(options));
            _slots = new SemaphoreSlim(max, max);
        }

        _interceptor = options.Interceptor;
        _cancellationToken = options.CancellationToken;
    }

    /// <summary>A bus routed by the template at <paramref name="templatePath"/>.</summary>
    public static InProcessEventBus FromTemplate(
        string templatePath,
        IReadOnlyDictionary<string, Func<EventEnvelope, CancellationToken, Task>> handlers,
        InProcessEventBusOptions? options = null) =>
        new(TemplateRoutes.Load(templatePath).Routes, handlers, options);

    /// <summary>The routes the bus delivers along.</summary>
    public IReadOnlyList<EventRoute> Routes => _routes;

    /// <summary>Every event published so far, in publication order (routed or not).</summary>
    public IReadOnlyList<EventEnvelope> Published
    {
        get
        {
            lock (_gate)
            {
                return _published.ToArray();
            }
        }
    }

    /// <summary>Every failed or unrouted delivery so far, in the order they happened.</summary>
    public IReadOnlyList<EventDispatchFailure> Failures
    {
        get
        {
            lock (_gate)
            {
                return _failures.ToArray();
            }
        }
    }

    /// <summary>Deliveries queued or running right now.</summary>
    public int PendingDeliveries
    {
        get
        {
            lock (_gate)
            {
                return _pending;
            }
        }
    }

    /// <summary>
    /// Records <paramref name="events"/> and queues one delivery per matching route; an event no route matches is
    /// recorded as a failure. Returns without waiting for any handler.
    /// </summary>
    public Task PublishAsync(IReadOnlyList<EventEnvelope> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        foreach (var envelope in events)
        {
            ArgumentNullException.ThrowIfNull(envelope, nameof(events));
        }

        cancellationToken.ThrowIfCancellationRequested();

        var deliveries = new List<EventDelivery>();
        lock (_gate)
        {
            foreach (var envelope in events)
            {
                _published.Add(envelope);
                var source = EventSources.For(envelope.SourceModule);
                var routed = false;
                foreach (var route in _routes)
                {
                    if (route.Matches(source, envelope.EventType))
                    {
                        deliveries.Add(new EventDelivery(envelope, route, _handlers[route.Consumer]));
                        routed = true;
                    }
                }

                if (!routed)
                {
                    _failures.Add(new EventDispatchFailure(envelope, null, new UnroutedEventException(envelope)));
                }
            }

            if (deliveries.Count > 0)
            {
                if (_pending == 0)
                {
                    _idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                }

                _pending += deliveries.Count;
            }
        }

        foreach (var delivery in deliveries)
        {
            _ = Task.Run(() => RunAsync(delivery), CancellationToken.None);
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Completes when no delivery is queued or running; throws <see cref="EventBusFailedException"/> with every failure
    /// recorded so far (this and earlier waits) when there is any. <paramref name="cancellationToken"/> stops the wait only.
    /// </summary>
    public async Task WhenIdleAsync(CancellationToken cancellationToken = default)
    {
        while (true)
        {
            Task idle;
            lock (_gate)
            {
                if (_pending == 0)
                {
                    if (_failures.Count > 0)
                    {
                        throw new EventBusFailedException(_failures.ToArray());
                    }

                    return;
                }

                idle = _idle.Task;
            }

            await idle.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task RunAsync(EventDelivery delivery)
    {
        var holdsSlot = false;
        try
        {
            if (_slots is not null)
            {
                await _slots.WaitAsync(_cancellationToken).ConfigureAwait(false);
                holdsSlot = true;
            }

            _cancellationToken.ThrowIfCancellationRequested();
            if (_interceptor is null)
            {
                await delivery.DeliverAsync(_cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await _interceptor(delivery, _cancellationToken).ConfigureAwait(false);
            }
        }
#pragma warning disable CA1031 // a handler's exception of any type is a failure to report, never to lose
        catch (Exception ex)
#pragma warning restore CA1031
        {
            lock (_gate)
            {
                _failures.Add(new EventDispatchFailure(delivery.Envelope, delivery.Route, ex));
            }
        }
        finally
        {
            if (holdsSlot)
            {
                _slots!.Release();
            }

            Completed();
        }
    }

    private void Completed()
    {
        TaskCompletionSource? idle = null;
        lock (_gate)
        {
            if (--_pending == 0)
            {
                idle = _idle;
            }
        }

        idle?.TrySetResult();
    }

    private static TaskCompletionSource CompletedIdle()
    {
        var idle = new TaskCompletionSource();
        idle.SetResult();
        return idle;
    }
}
