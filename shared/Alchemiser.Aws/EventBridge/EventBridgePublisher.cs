using Alchemiser.Core.Events;
using Alchemiser.Core.Hosting;

namespace Alchemiser.Aws.EventBridge;

/// <summary>
/// The workflow bus on AWS: each envelope goes to <paramref name="eventBusName"/> with source
/// <c>alchemiser.{source_module}</c>, detail-type = the event type and detail = the envelope's JSON, which is what the
/// rules in template.yaml match and what <see cref="EventBridgeEvent.FromJson"/> reads back.
/// </summary>
public sealed class EventBridgePublisher(EventBridgeClient client, string eventBusName) : IEventPublisher
{
    private readonly EventBridgeClient _client = client ?? throw new ArgumentNullException(nameof(client));
    private readonly string _eventBusName = string.IsNullOrWhiteSpace(eventBusName) ? throw new ArgumentException("the event bus name is required", nameof(eventBusName)) : eventBusName;

    /// <inheritdoc />
    public Task PublishAsync(IReadOnlyList<EventEnvelope> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        var entries = events
            .Select(e => new EventBridgeEntry(e.EventId, _eventBusName, EventSources.For(e.SourceModule), e.EventType, e.ToJson()))
            .ToList();
        return _client.PutEventsAsync(entries, cancellationToken);
    }
}
