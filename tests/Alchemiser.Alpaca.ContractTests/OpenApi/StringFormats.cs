using System.Globalization;
using System.Text.RegularExpressions;

namespace Alchemiser.Alpaca.ContractTests.OpenApi;

/// <summary>
/// The <c>format</c> values the validator checks on strings, leniently but for real: <c>date-time</c> (RFC 3339,
/// any fraction length such as Alpaca's nanoseconds, <c>T</c>, <c>t</c> or a space between date and time, an offset
/// or <c>Z</c> required), <c>date</c> (RFC 3339 full-date, a real calendar day), <c>uuid</c> (8-4-4-4-12 hex digits,
/// any case, any version) and <c>decimal</c> (Alpaca's money strings: an invariant decimal number).
/// Every other format (<c>double</c>, <c>uri</c>, <c>ulid</c>, ...) is an annotation and is not checked.
/// </summary>
internal static partial class StringFormats
{
    /// <summary>Whether the validator knows how to check this format on a string.</summary>
    public static bool IsChecked(string format) => format is "date-time" or "date" or "uuid" or "decimal";

    /// <summary>Whether the value has the format; formats that are not checked always pass.</summary>
    public static bool Matches(string format, string value) => format switch
    {
        "date-time" => IsDateTime(value),
        "date" => IsDate(value),
        "uuid" => UuidPattern().IsMatch(value),
        "decimal" => DecimalPattern().IsMatch(value) && decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _),
        _ => true,
    };

    /// <summary>An RFC 3339 full-date that names a real day.</summary>
    public static bool IsDate(string value) =>
        DatePattern().IsMatch(value) && DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    /// <summary>An RFC 3339 date-time: full-date, time with optional fraction, and a zone (<c>Z</c> or an offset).</summary>
    public static bool IsDateTime(string value)
    {
        var match = DateTimePattern().Match(value);
        if (!match.Success || !IsDate(match.Groups["date"].Value))
        {
            return false;
        }

        static int Part(Match m, string name) => int.Parse(m.Groups[name].Value, NumberStyles.None, CultureInfo.InvariantCulture);
        if (Part(match, "hour") > 23 || Part(match, "minute") > 59 || Part(match, "second") > 60)
        {
            return false;
        }

        return !match.Groups["offsetHour"].Success || (Part(match, "offsetHour") <= 23 && Part(match, "offsetMinute") <= 59);
    }

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"^(?<date>[0-9]{4}-[0-9]{2}-[0-9]{2})[Tt ](?<hour>[0-9]{2}):(?<minute>[0-9]{2}):(?<second>[0-9]{2})(\.[0-9]+)?([Zz]|[+-](?<offsetHour>[0-9]{2}):(?<offsetMinute>[0-9]{2}))$", RegexOptions.CultureInvariant)]
    private static partial Regex DateTimePattern();

    [GeneratedRegex(@"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$", RegexOptions.CultureInvariant)]
    private static partial Regex UuidPattern();

    [GeneratedRegex(@"^-?[0-9]+(\.[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex DecimalPattern();
}
