using System.Text.Json;
using System.Text.Json.Serialization;
using Alchemiser.Core.Events;
using Alchemiser.Core.Json;

namespace Alchemiser.Core.Hosting;

/// <summary>
/// Reads and writes an EventBridge <c>detail</c> as our <see cref="EventEnvelope"/> through <see cref="CoreJsonContext"/>,
/// so the envelope keeps its own contract (snake_case, unknown and missing members are errors) inside AWS's shape.
/// </summary>
internal sealed class EnvelopeJsonConverter : JsonConverter<EventEnvelope>
{
    public override EventEnvelope Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        try
        {
            return JsonSerializer.Deserialize(ref reader, CoreJsonContext.Default.EventEnvelope)
                ?? throw new JsonException("expected an Alchemiser event envelope, found null");
        }
        catch (JsonException error)
        {
            // The envelope's reader reports paths relative to detail; name where the error is.
            throw new JsonException($"detail: {error.Message}", error);
        }
    }

    public override void Write(Utf8JsonWriter writer, EventEnvelope value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value, CoreJsonContext.Default.EventEnvelope);
}
