using System.Text.Json.Nodes;

namespace Alchemiser.Alpaca.ContractTests.Support;

/// <summary>Renames one field of a JSON body or one parameter of a query, the way a typo in the client would.</summary>
internal static class Misspelling
{
    /// <summary>A plausible misspelling: the name without its underscores, or, when it has none, without its last letter (<c>symbols</c> → <c>symbol</c>).</summary>
    public static string Of(string name) => name.Contains('_', StringComparison.Ordinal) ? name.Replace("_", string.Empty, StringComparison.Ordinal) : name[..^1];

    /// <summary>The field names of a JSON object body, in order.</summary>
    public static IReadOnlyList<string> Fields(string body) => [.. Object(body).Select(p => p.Key)];

    /// <summary><paramref name="body"/> with its top-level field <paramref name="from"/> renamed <paramref name="to"/>, in place, value unchanged.</summary>
    public static string RenameField(string body, string from, string to)
    {
        var source = Object(body);
        if (!source.ContainsKey(from))
        {
            throw new ArgumentException($"the body has no field '{from}': {body}", nameof(from));
        }

        var renamed = new JsonObject();
        foreach (var (name, value) in source)
        {
            renamed[name == from ? to : name] = value?.DeepClone();
        }

        return renamed.ToJsonString();
    }

    /// <summary>The parameter names of a query (<c>?a=1&amp;b=2</c>), in order.</summary>
    public static IReadOnlyList<string> Parameters(string query) =>
        [.. Pairs(query).Select(pair => Uri.UnescapeDataString(pair.Split('=', 2)[0]))];

    /// <summary><paramref name="query"/> with parameter <paramref name="from"/> renamed <paramref name="to"/>, the values as they were sent.</summary>
    public static string RenameParameter(string query, string from, string to)
    {
        var pairs = Pairs(query);
        if (!pairs.Any(pair => Uri.UnescapeDataString(pair.Split('=', 2)[0]) == from))
        {
            throw new ArgumentException($"the query has no parameter '{from}': {query}", nameof(from));
        }

        return "?" + string.Join('&', pairs.Select(pair =>
        {
            var parts = pair.Split('=', 2);
            return Uri.UnescapeDataString(parts[0]) == from ? Uri.EscapeDataString(to) + (parts.Length == 2 ? "=" + parts[1] : string.Empty) : pair;
        }));
    }

    private static string[] Pairs(string query) => query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries);

    private static JsonObject Object(string body) =>
        JsonNode.Parse(body) as JsonObject ?? throw new ArgumentException($"not a JSON object: {body}", nameof(body));
}
