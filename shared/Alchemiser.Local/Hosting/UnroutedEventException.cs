using Alchemiser.Core.Hosting;
using Alchemiser.Core.Events;

namespace Alchemiser.Local.Hosting;

/// <summary>No rule of <c>template.yaml</c> matches an event's <c>source</c> and <c>detail-type</c>; in AWS it would be dropped silently.</summary>
public sealed class UnroutedEventException : Exception
{
    /// <summary>Describes <paramref name="envelope"/> as unrouted.</summary>
    public UnroutedEventException(EventEnvelope envelope)
        : base($"no rule in template.yaml matches source '{EventSources.For(envelope.SourceModule)}' and detail-type '{envelope.EventType}' (event {envelope.EventId}); EventBridge would drop it")
    {
        EventSource = EventSources.For(envelope.SourceModule);
        DetailType = envelope.EventType;
    }

    /// <summary>The EventBridge source the event was published with.</summary>
    public string EventSource { get; }

    /// <summary>The EventBridge detail-type the event was published with.</summary>
    public string DetailType { get; }
}
