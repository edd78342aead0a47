using System.Globalization;
using Alchemiser.Core.Time;

namespace Alchemiser.Alpaca.Wire;

/// <summary>
/// How numbers, instants and dates look on Alpaca's wire: decimal strings in the invariant culture, RFC 3339
/// timestamps (Alpaca writes up to nine fractional digits; .NET keeps seven), <c>YYYY-MM-DD</c> dates and New York
/// <c>HH:MM</c> times. A value that does not parse throws a <see cref="FormatException"/> naming the field.
/// </summary>
internal static class AlpacaWireFormat
{
    private const NumberStyles DecimalStyle = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;

    /// <summary>The decimal written as Alpaca documents it: invariant, no exponent, no trailing zeros (<c>10</c>, <c>0.5</c>, <c>101.25</c>).</summary>
    public static string Format(decimal value) => (value / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);

    /// <summary>A date as <c>YYYY-MM-DD</c>.</summary>
    public static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>An instant as RFC 3339 in UTC, whole seconds (<c>2024-01-03T05:00:00Z</c>).</summary>
    public static string Format(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>The decimal in <paramref name="text"/>; throws when it is missing or not a number.</summary>
    public static decimal Decimal(string? text, string field) =>
        OptionalDecimal(text, field) ?? throw new FormatException($"{field} is missing");

    /// <summary>The decimal in <paramref name="text"/>, or null when it is null or empty.</summary>
    public static decimal? OptionalDecimal(string? text, string field)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        return decimal.TryParse(text, DecimalStyle, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FormatException($"{field} '{Clip(text)}' is not a decimal number");
    }

    /// <summary>The instant in <paramref name="text"/>; throws when it is missing or not RFC 3339.</summary>
    public static DateTimeOffset Instant(string? text, string field) =>
        OptionalInstant(text, field) ?? throw new FormatException($"{field} is missing");

    /// <summary>The instant in <paramref name="text"/>, or null when it is null or empty. Fractions beyond 100 ns are dropped.</summary>
    public static DateTimeOffset? OptionalInstant(string? text, string field)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        return DateTimeOffset.TryParse(TrimFraction(text), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value)
            ? value
            : throw new FormatException($"{field} '{Clip(text)}' is not an RFC 3339 timestamp");
    }

    /// <summary>The <c>YYYY-MM-DD</c> date in <paramref name="text"/>.</summary>
    public static DateOnly Date(string? text, string field) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new FormatException($"{field} '{Clip(text)}' is not a YYYY-MM-DD date");

    /// <summary>The instant of New York wall time <paramref name="text"/> (<c>HH:MM</c>) on <paramref name="date"/>.</summary>
    public static DateTimeOffset NewYorkTime(DateOnly date, string? text, string field)
    {
        if (!TimeOnly.TryParseExact(text, ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            throw new FormatException($"{field} '{Clip(text)}' is not an HH:MM time");
        }

        var local = date.ToDateTime(time);
        return new DateTimeOffset(local, MarketTime.NewYork.GetUtcOffset(local));
    }

    /// <summary>Cuts a fraction of seconds to the seven digits .NET can hold (Alpaca sends up to nine).</summary>
    private static string TrimFraction(string text)
    {
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0)
        {
            return text;
        }

        var end = dot + 1;
        while (end < text.Length && char.IsAsciiDigit(text[end]))
        {
            end++;
        }

        var digits = end - dot - 1;
        return digits <= 7 ? text : string.Concat(text.AsSpan(0, dot + 8), text.AsSpan(end));
    }

    private static string Clip(string? text) => text is null ? "(null)" : text.Length <= 40 ? text : text[..40] + "...";
}
