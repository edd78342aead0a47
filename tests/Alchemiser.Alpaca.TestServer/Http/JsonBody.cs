using System.Globalization;
using System.Text.Json;

namespace Alchemiser.Alpaca.TestServer.Http;

/// <summary>
/// A request body read field by field, refusing like Alpaca: not a JSON object → 400 (40010000, "request body format
/// is invalid"); a field of the wrong kind → 422 (40010001). Numbers are accepted as JSON strings (what Alpaca sends
/// and documents) or JSON numbers (what it also takes). A JSON null counts as absent.
/// </summary>
internal sealed class JsonBody
{
    private readonly Dictionary<string, JsonElement> _fields;

    private JsonBody(Dictionary<string, JsonElement> fields)
    {
        _fields = fields;
    }

    /// <summary>Reads <paramref name="text"/>, which must hold one JSON object.</summary>
    public static JsonBody Parse(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw MalformedBody();
            }

            var fields = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                fields[property.Name] = property.Value.Clone();
            }

            return new JsonBody(fields);
        }
        catch (JsonException)
        {
            throw MalformedBody();
        }
    }

    /// <summary>Refuses a field the operation's schema does not have (a misspelt field is an error, not a silent default).</summary>
    public void RejectUnknown(IReadOnlySet<string> known)
    {
        foreach (var name in _fields.Keys.Order(StringComparer.Ordinal))
        {
            if (!known.Contains(name))
            {
                throw AlpacaErrorResponse.Unprocessable($"unknown field \"{name}\"");
            }
        }
    }

    /// <summary>True when <paramref name="name"/> is present and not null.</summary>
    public bool Has(string name) => _fields.TryGetValue(name, out var value) && value.ValueKind != JsonValueKind.Null;

    /// <summary>The string field <paramref name="name"/>; null when absent.</summary>
    public string? String(string name) =>
        Value(name) switch
        {
            null => null,
            { ValueKind: JsonValueKind.String } value => value.GetString(),
            _ => throw AlpacaErrorResponse.Unprocessable($"{name} must be a string"),
        };

    /// <summary>The boolean field <paramref name="name"/>; null when absent.</summary>
    public bool? Boolean(string name) =>
        Value(name) switch
        {
            null => null,
            { ValueKind: JsonValueKind.True } => true,
            { ValueKind: JsonValueKind.False } => false,
            _ => throw AlpacaErrorResponse.Unprocessable($"{name} must be a boolean"),
        };

    /// <summary>The decimal field <paramref name="name"/> (a string like <c>"12.5"</c> or a number); null when absent.</summary>
    public decimal? Decimal(string name)
    {
        switch (Value(name))
        {
            case null:
                return null;
            case { ValueKind: JsonValueKind.String } text
                when decimal.TryParse(text.GetString(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var parsed):
                return parsed;
            case { ValueKind: JsonValueKind.Number } number when number.TryGetDecimal(out var parsed):
                return parsed;
            default:
                throw AlpacaErrorResponse.Unprocessable($"invalid {name}: a decimal number is expected");
        }
    }

    private JsonElement? Value(string name) =>
        _fields.TryGetValue(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    private static AlpacaErrorResponse MalformedBody() => new(400, AlpacaErrorResponse.MalformedBodyCode, "request body format is invalid");
}
