using System.Text.Json;
using Alchemiser.Core.Json;

namespace Alchemiser.Core.Events;

/// <summary>
/// The EventBridge <c>detail</c> of every workflow event (ARCHITECTURE.md §2): identity, the run it belongs to
/// (<see cref="CorrelationId"/>), the event that caused it (<see cref="CausationId"/>), and the typed payload as JSON.
/// </summary>
public sealed record EventEnvelope(
    string EventId,
    string EventType,
    string CorrelationId,
    string? CausationId,
    DateTimeOffset Timestamp,
    string SourceModule,
    string SourceComponent,
    int SchemaVersion,
    JsonElement Payload)
{
    /// <summary>The schema version every event of this release is written with.</summary>
    public const int CurrentSchemaVersion = 1;

    /// <summary>Wraps <paramref name="payload"/> in an envelope.</summary>
    public static EventEnvelope Create<T>(
        T payload, string eventId, string correlationId, string? causationId, DateTimeOffset timestamp, string sourceModule, string sourceComponent)
        where T : IEventPayload<T> =>
        new(
            eventId,
            T.EventType,
            correlationId,
            causationId,
            timestamp.ToUniversalTime(),
            sourceModule,
            sourceComponent,
            CurrentSchemaVersion,
            JsonSerializer.SerializeToElement(payload, T.JsonTypeInfo));

    /// <summary>The payload as <typeparamref name="T"/>; fails when the envelope holds another event type or a malformed payload.</summary>
    public T PayloadAs<T>()
        where T : IEventPayload<T>
    {
        if (!string.Equals(EventType, T.EventType, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"event {EventId} is a {EventType}, not a {T.EventType}");
        }

        return Payload.Deserialize(T.JsonTypeInfo) ?? throw new JsonException($"event {EventId} has an empty payload");
    }

    /// <summary>The envelope as one line of JSON (snake_case).</summary>
    public string ToJson() => JsonSerializer.Serialize(this, CoreJsonContext.Default.EventEnvelope);

    /// <summary>Reads an envelope; unknown or missing members are errors.</summary>
    public static EventEnvelope FromJson(string json) =>
        JsonSerializer.Deserialize(json, CoreJsonContext.Default.EventEnvelope) ?? throw new JsonException("empty event");

    /// <summary>A deterministic id for an event that a retry must reproduce: <c>{correlation}:{type}[:{discriminator}]</c>.</summary>
    public static string DeterministicId(string correlationId, string eventType, string? discriminator = null) =>
        discriminator is null ? $"{correlationId}:{eventType}" : $"{correlationId}:{eventType}:{discriminator}";
}
