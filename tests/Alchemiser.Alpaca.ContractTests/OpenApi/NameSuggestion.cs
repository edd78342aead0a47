namespace Alchemiser.Alpaca.ContractTests.OpenApi;

/// <summary>
/// "did you mean" for an unknown property or parameter name: the declared name that equals it once underscores,
/// dashes and case are ignored, else the nearest within two single-character edits.
/// </summary>
internal static class NameSuggestion
{
    /// <summary>A message suffix such as <c> (did you mean "limit_price"?)</c>, or an empty string.</summary>
    public static string For(string name, IEnumerable<string> declared)
    {
        var close = declared
            .Select(d => (Name: d, Distance: Squash(d) == Squash(name) ? 0 : EditDistance(d, name)))
            .Where(c => c.Distance <= 2)
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => c.Name)
            .FirstOrDefault();
        return close is null ? string.Empty : $" (did you mean {JsonValues.Quote(close)}?)";
    }

    private static string Squash(string s) =>
        s.Replace("_", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal).ToLowerInvariant();

    private static int EditDistance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            previous = current;
        }

        return previous[b.Length];
    }
}
