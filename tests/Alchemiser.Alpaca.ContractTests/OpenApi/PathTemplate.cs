using System.Text;
using System.Text.RegularExpressions;

namespace Alchemiser.Alpaca.ContractTests.OpenApi;

/// <summary>
/// One key of an OpenAPI <c>paths</c> object (<c>/v2/orders/{order_id}</c>, <c>/v2/orders:by_client_order_id</c>)
/// matched against a request path segment by segment. A segment is literal text with <c>{name}</c> placeholders;
/// a placeholder takes one non-empty, percent-decoded segment value (so <c>BTC%2FUSDT</c> is one value).
/// </summary>
internal sealed partial class PathTemplate
{
    private readonly Segment[] _segments;

    private PathTemplate(string text, Segment[] segments)
    {
        Text = text;
        _segments = segments;
    }

    /// <summary>The key as written in the document.</summary>
    public string Text { get; }

    /// <summary>Parses a paths key.</summary>
    public static PathTemplate Parse(string text) =>
        new(text, [.. SplitSegments(text).Select(Segment.Parse)]);

    /// <summary>
    /// The placeholder values when <paramref name="path"/> (no query, still percent-encoded) fits this template, else null.
    /// </summary>
    public IReadOnlyDictionary<string, string>? Match(string path)
    {
        var parts = SplitSegments(path);
        if (parts.Length != _segments.Length)
        {
            return null;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < parts.Length; i++)
        {
            if (!_segments[i].TryMatch(parts[i], values))
            {
                return null;
            }
        }

        return values;
    }

    /// <summary>
    /// Orders templates most specific first: at the first segment where they differ in placeholders, the one with
    /// fewer wins, so a concrete path beats a templated one that also fits, as OpenAPI requires.
    /// </summary>
    public static int BySpecificity(PathTemplate a, PathTemplate b)
    {
        for (var i = 0; i < Math.Min(a._segments.Length, b._segments.Length); i++)
        {
            var byLiteral = b._segments[i].PlaceholderCount.CompareTo(a._segments[i].PlaceholderCount);
            if (byLiteral != 0)
            {
                return -byLiteral;
            }
        }

        return string.CompareOrdinal(a.Text, b.Text);
    }

    private static string[] SplitSegments(string path) => (path.StartsWith('/') ? path[1..] : path).Split('/');

    /// <summary>One path segment: literal pieces and placeholders, compiled to an anchored pattern.</summary>
    private sealed partial class Segment
    {
        private readonly Regex _pattern;
        private readonly string[] _names;

        private Segment(Regex pattern, string[] names)
        {
            _pattern = pattern;
            _names = names;
        }

        public int PlaceholderCount => _names.Length;

        public static Segment Parse(string text)
        {
            var names = new List<string>();
            var pattern = new StringBuilder("^");
            var last = 0;
            foreach (Match placeholder in Placeholder().Matches(text))
            {
                pattern.Append(Regex.Escape(Uri.UnescapeDataString(text[last..placeholder.Index])));
                pattern.Append("(.+?)");
                names.Add(placeholder.Groups[1].Value);
                last = placeholder.Index + placeholder.Length;
            }

            pattern.Append(Regex.Escape(Uri.UnescapeDataString(text[last..]))).Append('$');
            return new Segment(new Regex(pattern.ToString(), RegexOptions.CultureInvariant | RegexOptions.Singleline), [.. names]);
        }

        public bool TryMatch(string raw, Dictionary<string, string> values)
        {
            var match = _pattern.Match(Uri.UnescapeDataString(raw));
            if (!match.Success)
            {
                return false;
            }

            for (var i = 0; i < _names.Length; i++)
            {
                values[_names[i]] = match.Groups[i + 1].Value;
            }

            return true;
        }

        [GeneratedRegex(@"\{([^}/]+)\}", RegexOptions.CultureInvariant)]
        private static partial Regex Placeholder();
    }
}
