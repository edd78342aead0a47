using System.Text.Json.Serialization.Metadata;

namespace Alchemiser.Core.Events;

/// <summary>The payload of one event type: its <c>event_type</c> and its source-generated JSON contract.</summary>
public interface IEventPayload<TSelf>
    where TSelf : IEventPayload<TSelf>
{
    static abstract string EventType { get; }

    static abstract JsonTypeInfo<TSelf> JsonTypeInfo { get; }
}
