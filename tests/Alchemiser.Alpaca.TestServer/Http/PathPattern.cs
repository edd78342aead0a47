namespace Alchemiser.Alpaca.TestServer.Http;

/// <summary>
/// A path with wildcards, segment by segment: a segment <c>*</c> or <c>{name}</c> (the spec's path-key style) matches
/// any one non-empty segment; any other segment matches itself exactly (ordinal). <c>/v2/orders</c> therefore does not
/// match <c>/v2/orders:by_client_order_id</c> nor <c>/v2/orders/abc</c>.
/// </summary>
internal sealed class PathPattern
{
    private readonly string?[] _segments;

    private PathPattern(string?[] segments)
    {
        _segments = segments;
    }

    /// <summary>Reads a pattern starting with <c>/</c>.</summary>
    /// <exception cref="ArgumentException">The pattern does not start with <c>/</c>.</exception>
    public static PathPattern Parse(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        if (!pattern.StartsWith('/'))
        {
            throw new ArgumentException($"a path pattern starts with '/', got '{pattern}'", nameof(pattern));
        }

        return new PathPattern(Segments(pattern)
            .Select(s => s == "*" || (s.Length > 2 && s.StartsWith('{') && s.EndsWith('}')) ? null : s)
            .ToArray());
    }

    /// <summary>True when <paramref name="path"/> has as many segments and each matches.</summary>
    public bool Matches(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var segments = Segments(path);
        if (segments.Length != _segments.Length)
        {
            return false;
        }

        for (var i = 0; i < segments.Length; i++)
        {
            if (_segments[i] is { } literal ? !string.Equals(literal, segments[i], StringComparison.Ordinal) : segments[i].Length == 0)
            {
                return false;
            }
        }

        return true;
    }

    private static string[] Segments(string path) => path.TrimEnd('/').Split('/')[1..];
}
