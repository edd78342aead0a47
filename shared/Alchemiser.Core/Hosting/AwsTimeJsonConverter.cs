using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Alchemiser.Core.Hosting;

/// <summary>
/// EventBridge's <c>time</c>: an ISO-8601 instant, written as AWS writes it (UTC, whole seconds, <c>Z</c>:
/// <c>2025-06-30T19:30:01Z</c>). Any ISO-8601 instant is accepted on reading.
/// </summary>
internal sealed class AwsTimeJsonConverter : JsonConverter<DateTimeOffset>
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String || !reader.TryGetDateTimeOffset(out var value))
        {
            throw new JsonException("expected an ISO-8601 instant such as \"2025-06-30T19:30:01Z\"");
        }

        return value.ToUniversalTime();
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToUniversalTime().ToString(Format, CultureInfo.InvariantCulture));
}
