using Alchemiser.Core.Events;

namespace Alchemiser.Local.Hosting;

/// <summary>
/// One event on its way to one consumer along one route. An <see cref="InProcessEventBusOptions.Interceptor"/>
/// receives it and decides how often, when and in which order <see cref="DeliverAsync"/> runs the consumer's handler.
/// </summary>
public sealed class EventDelivery
{
    private readonly Func<EventEnvelope, CancellationToken, Task> _handler;

    internal EventDelivery(EventEnvelope envelope, EventRoute route, Func<EventEnvelope, CancellationToken, Task> handler)
    {
        Envelope = envelope;
        Route = route;
        _handler = handler;
    }

    /// <summary>The event.</summary>
    public EventEnvelope Envelope { get; }

    /// <summary>The route the event matched.</summary>
    public EventRoute Route { get; }

    /// <summary>The logical id of the consuming function.</summary>
    public string Consumer => Route.Consumer;

    /// <summary>Runs the consumer's handler on the event; may be called any number of times. The handler's exception propagates.</summary>
    public Task DeliverAsync(CancellationToken cancellationToken) => _handler(Envelope, cancellationToken);

    /// <inheritdoc/>
    public override string ToString() => $"{Envelope.EventType} {Envelope.EventId} -> {Consumer}";
}
