using System.Text.Json;

namespace Alchemiser.Alpaca.ContractTests.OpenApi;

/// <summary>
/// Local JSON references (<c>#/components/schemas/Order</c>, RFC 6901 pointers inside one document) and the
/// pointer-like locations problems are reported at.
/// </summary>
internal static class JsonPointer
{
    /// <summary>Finds the element a local reference points at, or null when the reference is not local or leads nowhere.</summary>
    public static JsonElement? Resolve(JsonElement document, string reference)
    {
        if (!reference.StartsWith('#'))
        {
            return null;
        }

        var pointer = Uri.UnescapeDataString(reference[1..]);
        if (pointer.Length == 0)
        {
            return document;
        }

        if (pointer[0] != '/')
        {
            return null;
        }

        var current = document;
        foreach (var raw in pointer[1..].Split('/'))
        {
            var token = raw.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            switch (current.ValueKind)
            {
                case JsonValueKind.Object when current.TryGetProperty(token, out var child):
                    current = child;
                    break;
                case JsonValueKind.Array when int.TryParse(token, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index) && index < current.GetArrayLength():
                    current = current[index];
                    break;
                default:
                    return null;
            }
        }

        return current;
    }

    /// <summary>Appends one step to a location, escaping it the way a JSON pointer would.</summary>
    public static string Append(string location, string token)
    {
        var escaped = token.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
        return location.Length == 0 ? escaped : location + "/" + escaped;
    }

    /// <summary>Appends an array index to a location.</summary>
    public static string Append(string location, int index) =>
        Append(location, index.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
