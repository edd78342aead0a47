using System.Globalization;
using System.Text.RegularExpressions;

namespace Alchemiser.Alpaca.TestServer.Wire;

/// <summary>
/// Reads the timestamps Alpaca accepts in queries: RFC-3339 (<c>2025-06-30T13:30:00Z</c>, an offset instead of Z,
/// up to nine fraction digits) or a plain date <c>YYYY-MM-DD</c>. Nothing looser (no local formats, no missing offset).
/// </summary>
internal static partial class WireTime
{
    /// <summary>A plain date, or null when <paramref name="text"/> is not exactly <c>YYYY-MM-DD</c>.</summary>
    public static DateOnly? ParseDate(string text) =>
        text.Length == 10 && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    /// <summary>An RFC-3339 instant, or null when <paramref name="text"/> is not one.</summary>
    public static DateTimeOffset? ParseInstant(string text)
    {
        var match = Rfc3339().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var fraction = match.Groups["fraction"].Value;
        var trimmed = match.Groups["base"].Value + (fraction.Length == 0 ? string.Empty : "." + fraction[..Math.Min(7, fraction.Length)]) + match.Groups["zone"].Value;
        return DateTimeOffset.TryParseExact(
            trimmed,
            ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"],
            CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal,
            out var instant)
            ? instant
            : null;
    }

    [GeneratedRegex(@"^(?<base>\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(?<fraction>\d{1,9}))?(?<zone>Z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Rfc3339();
}
