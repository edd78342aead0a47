using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Alchemiser.Alpaca.ContractTests.OpenApi;

/// <summary>Small helpers over <see cref="JsonElement"/>: equality by value, a short description for messages, building scalars.</summary>
internal static class JsonValues
{
    /// <summary>JSON equality: same kind and value; numbers compare by value (<c>1</c> equals <c>1.0</c>), objects ignore member order.</summary>
    public static bool AreEqual(JsonElement a, JsonElement b)
    {
        if (a.ValueKind != b.ValueKind)
        {
            return false;
        }

        switch (a.ValueKind)
        {
            case JsonValueKind.String:
                return string.Equals(a.GetString(), b.GetString(), StringComparison.Ordinal);
            case JsonValueKind.Number:
                return a.TryGetDecimal(out var x) && b.TryGetDecimal(out var y) ? x == y : a.GetDouble().Equals(b.GetDouble());
            case JsonValueKind.Array:
                return a.GetArrayLength() == b.GetArrayLength() && a.EnumerateArray().Zip(b.EnumerateArray()).All(pair => AreEqual(pair.First, pair.Second));
            case JsonValueKind.Object:
                var left = a.EnumerateObject().ToList();
                var right = b.EnumerateObject().ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
                return left.Count == right.Count && left.All(p => right.TryGetValue(p.Name, out var other) && AreEqual(p.Value, other));
            default:
                return true;
        }
    }

    /// <summary>"string \"abc\"", "number 1.5", "object", ... for problem messages.</summary>
    public static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => "string " + Shorten(Quote(value.GetString() ?? string.Empty)),
        JsonValueKind.Number => "number " + Shorten(value.GetRawText()),
        JsonValueKind.True or JsonValueKind.False => "boolean " + value.GetRawText(),
        JsonValueKind.Null => "null",
        JsonValueKind.Array => $"array of {value.GetArrayLength()}",
        JsonValueKind.Object => "object",
        _ => "nothing",
    };

    /// <summary>A string in double quotes with JSON escapes, for messages.</summary>
    public static string Quote(string value) => "\"" + JsonEncodedText.Encode(value, JavaScriptEncoder.UnsafeRelaxedJsonEscaping) + "\"";

    /// <summary>The value as JSON text, shortened for messages.</summary>
    public static string Show(JsonElement value) => Shorten(value.GetRawText());

    /// <summary>The JSON null value.</summary>
    public static JsonElement Null { get; } = Element(writer => writer.WriteNullValue());

    /// <summary>A JSON string element holding <paramref name="value"/>.</summary>
    public static JsonElement String(string value) => Element(writer => writer.WriteStringValue(value));

    /// <summary>A JSON array element holding <paramref name="items"/> in order.</summary>
    public static JsonElement Array(IEnumerable<JsonElement> items) => Element(writer =>
    {
        writer.WriteStartArray();
        foreach (var item in items)
        {
            item.WriteTo(writer);
        }

        writer.WriteEndArray();
    });

    /// <summary>The JSON number <paramref name="text"/> is, or null when it is not one (<c>10</c>, <c>1.5</c> are; <c>+1</c>, <c>ten</c> are not).</summary>
    public static JsonElement? TryParseNumber(string text) => TryParse(text, kind => kind == JsonValueKind.Number);

    /// <summary>The JSON boolean <paramref name="text"/> is, or null when it is neither <c>true</c> nor <c>false</c>.</summary>
    public static JsonElement? TryParseBoolean(string text) => TryParse(text, kind => kind is JsonValueKind.True or JsonValueKind.False);

    /// <summary>Whether a JSON number has no fractional part (<c>5</c>, <c>5.0</c>, <c>5e2</c> do; <c>5.5</c> does not).</summary>
    public static bool IsIntegral(JsonElement number)
    {
        if (number.TryGetDecimal(out var value))
        {
            return decimal.Truncate(value) == value;
        }

        var d = number.GetDouble();
        return double.IsFinite(d) && Math.Floor(d) == d;
    }

    private static JsonElement? TryParse(string text, Func<JsonValueKind, bool> wanted)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return wanted(document.RootElement.ValueKind) ? document.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static JsonElement Element(Action<Utf8JsonWriter> write)
    {
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        using var document = JsonDocument.Parse(buffer.ToArray());
        return document.RootElement.Clone();
    }

    private static string Shorten(string text) =>
        text.Length <= 60 ? text : new StringBuilder(text, 0, 57, 60).Append("...").ToString();
}
