using System.Globalization;
using System.Text.Json;

namespace Alchemiser.Alpaca.Http;

/// <summary>
/// Reads Alpaca's error body <c>{"code": 40310000, "message": "..."}</c> (other fields ignored). A body that is not
/// such JSON (a gateway's HTML page, nothing) gives no code and a short, single-line excerpt of the body or the
/// status's reason phrase as the message.
/// </summary>
internal static class AlpacaErrorBody
{
    private const int MaxExcerpt = 200;

    /// <summary>Alpaca's code (when given) and message.</summary>
    public static (int? Code, string Message) Read(string body, string? reasonPhrase)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                var root = document.RootElement;
                var code = root.TryGetProperty("code", out var c) ? CodeOf(c) : null;
                var message = root.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
                if (code is not null || !string.IsNullOrWhiteSpace(message))
                {
                    return (code, string.IsNullOrWhiteSpace(message) ? Excerpt(body, reasonPhrase) : message!);
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON: fall through to the excerpt.
        }

        return (null, Excerpt(body, reasonPhrase));
    }

    private static int? CodeOf(JsonElement code) => code.ValueKind switch
    {
        JsonValueKind.Number when code.TryGetInt32(out var number) => number,
        JsonValueKind.String when int.TryParse(code.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) => number,
        _ => null,
    };

    private static string Excerpt(string body, string? reasonPhrase)
    {
        var text = string.Join(' ', body.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (text.Length == 0)
        {
            return string.IsNullOrWhiteSpace(reasonPhrase) ? "no message" : reasonPhrase;
        }

        return text.Length <= MaxExcerpt ? text : text[..MaxExcerpt] + "...";
    }
}
