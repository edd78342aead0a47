using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Alchemiser.Core.Events;

namespace Alchemiser.Core.Hosting;

/// <summary>
/// An EventBridge event as a rule delivers it to a Lambda target, or as the body of an SQS message when the rule
/// targets a queue: AWS's shape (<c>version</c>, <c>id</c>, <c>detail-type</c>, <c>source</c>, <c>account</c>,
/// <c>time</c>, <c>region</c>, <c>resources</c>, <c>detail</c>), spelled as AWS spells it. The <c>detail</c> is our
/// <see cref="EventEnvelope"/> and keeps the envelope's strict contract; members AWS may add to its own shape are
/// ignored. <c>detail-type</c> always equals the envelope's <c>event_type</c>.
/// </summary>
/// <param name="Version">Always <c>"0"</c> today.</param>
/// <param name="Id">EventBridge's id of this delivery; not our <c>event_id</c> (use <see cref="EventEnvelope.EventId"/> for idempotency).</param>
/// <param name="DetailType">The envelope's <c>event_type</c>.</param>
/// <param name="Source"><c>alchemiser.&lt;module&gt;</c> (<see cref="EventSources"/>).</param>
/// <param name="Time">When the event was put on the bus, whole seconds, UTC.</param>
/// <param name="Resources">ARNs the event concerns; empty for workflow events.</param>
/// <param name="Detail">The envelope.</param>
/// <param name="ReplayName">Set by EventBridge on events replayed from an archive; omitted otherwise.</param>
public sealed record EventBridgeEvent(
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("detail-type")] string DetailType,
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("account")] string Account,
    [property: JsonPropertyName("time"), JsonConverter(typeof(AwsTimeJsonConverter))] DateTimeOffset Time,
    [property: JsonPropertyName("region")] string Region,
    [property: JsonPropertyName("resources")] IReadOnlyList<string> Resources,
    [property: JsonPropertyName("detail"), JsonConverter(typeof(EnvelopeJsonConverter))] EventEnvelope Detail,
    [property: JsonPropertyName("replay-name"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ReplayName = null)
{
    /// <summary>The only <c>version</c> EventBridge writes.</summary>
    public const string CurrentVersion = "0";

    /// <summary>The account <see cref="Create"/> uses when none is given (AWS's documentation account, also moto's default).</summary>
    public const string LocalAccount = "123456789012";

    /// <summary>The region <see cref="Create"/> uses when none is given.</summary>
    public const string LocalRegion = "us-east-1";

    /// <summary>
    /// The event EventBridge would deliver for <paramref name="envelope"/> put on the bus by <paramref name="source"/>
    /// (for tests and the local host). <c>time</c> is the envelope's timestamp cut to whole seconds; the id, unless
    /// given, is derived from the envelope's <c>event_id</c> (<see cref="DeterministicId"/>), so a re-published event
    /// gets the same id locally.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="source"/> is empty or starts with <c>aws.</c> (reserved for AWS services).</exception>
    public static EventBridgeEvent Create(
        EventEnvelope envelope,
        string source,
        string account = LocalAccount,
        string region = LocalRegion,
        string? id = null,
        IReadOnlyList<string>? resources = null)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        ArgumentException.ThrowIfNullOrWhiteSpace(account);
        ArgumentException.ThrowIfNullOrWhiteSpace(region);
        if (source.StartsWith("aws.", StringComparison.Ordinal))
        {
            throw new ArgumentException($"source '{source}' starts with 'aws.', which EventBridge reserves for AWS services", nameof(source));
        }

        var utc = envelope.Timestamp.ToUniversalTime();
        var time = new DateTimeOffset(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        return new EventBridgeEvent(
            CurrentVersion, id ?? DeterministicId(envelope.EventId), envelope.EventType, source, account, time, region, resources ?? [], envelope);
    }

    /// <summary>
    /// A UUID (RFC 9562 version 8, name-based on SHA-256) derived from an envelope's <c>event_id</c>: the same event id
    /// always gives the same EventBridge id, different event ids give different ids.
    /// </summary>
    public static string DeterministicId(string eventId)
    {
        ArgumentNullException.ThrowIfNull(eventId);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes("alchemiser.eventbridge-id:" + eventId), hash);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true).ToString("D");
    }

    /// <summary>Reads an event (a Lambda request, or an SQS message body).</summary>
    /// <exception cref="JsonException">Not an EventBridge event; the detail is not a valid envelope (unknown, missing or
    /// null members); or <c>detail-type</c> differs from the envelope's <c>event_type</c>.</exception>
    public static EventBridgeEvent FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var value = JsonSerializer.Deserialize(json, AwsTriggerJsonContext.Default.EventBridgeEvent)
            ?? throw new JsonException("the input is JSON null, not an EventBridge event");
        if (!string.Equals(value.DetailType, value.Detail.EventType, StringComparison.Ordinal))
        {
            throw new JsonException(
                $"detail-type '{value.DetailType}' differs from detail.event_type '{value.Detail.EventType}' of event {value.Detail.EventId}");
        }

        return value;
    }

    /// <summary>The event as AWS would deliver it, one line of JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, AwsTriggerJsonContext.Default.EventBridgeEvent);
}
