namespace Alchemiser.Alpaca.ContractTests.OpenApi;

/// <summary>
/// The query part of a request target read as a server reads it: <c>name=value</c> pairs split on <c>&amp;</c>,
/// <c>+</c> as a space and percent escapes decoded, in order, repeats kept.
/// </summary>
internal static class QueryString
{
    /// <summary>Splits <c>/path?query#fragment</c> into the still-encoded path and the decoded query pairs.</summary>
    public static (string Path, IReadOnlyList<KeyValuePair<string, string>> Query) Split(string pathAndQuery)
    {
        var target = pathAndQuery;
        var hash = target.IndexOf('#', StringComparison.Ordinal);
        if (hash >= 0)
        {
            target = target[..hash];
        }

        var question = target.IndexOf('?', StringComparison.Ordinal);
        if (question < 0)
        {
            return (target, []);
        }

        var pairs = target[(question + 1)..]
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair =>
            {
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                return equals < 0
                    ? KeyValuePair.Create(Decode(pair), string.Empty)
                    : KeyValuePair.Create(Decode(pair[..equals]), Decode(pair[(equals + 1)..]));
            })
            .ToList();
        return (target[..question], pairs);
    }

    private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
}
