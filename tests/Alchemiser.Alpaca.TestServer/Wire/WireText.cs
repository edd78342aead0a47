using System.Globalization;
using Alchemiser.Core.Time;

namespace Alchemiser.Alpaca.TestServer.Wire;

/// <summary>How the server spells values on the wire: decimals invariant and exact, instants RFC-3339.</summary>
internal static class WireText
{
    /// <summary>Decimal places a ratio (P&amp;L percent, change today) is rounded to.</summary>
    private const int RatioDecimals = 10;

    /// <summary>The exact invariant text of <paramref name="value"/> (money and quantities are never rounded).</summary>
    public static string Decimal(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary><see cref="Decimal(decimal)"/>, or null.</summary>
    public static string? Decimal(decimal? value) => value is { } v ? Decimal(v) : null;

    /// <summary>A ratio rounded half-even to 10 places, trailing zeros dropped.</summary>
    public static string Ratio(decimal value) => Math.Round(value, RatioDecimals).ToString("0.##########", CultureInfo.InvariantCulture);

    /// <summary>An instant in UTC with a <c>Z</c>, fractions of a second only when there are any (RFC-3339).</summary>
    public static string Utc(DateTimeOffset instant) =>
        instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    /// <summary><see cref="Utc(DateTimeOffset)"/>, or null.</summary>
    public static string? Utc(DateTimeOffset? instant) => instant is { } i ? Utc(i) : null;

    /// <summary>An instant as New York wall-clock time with its offset, e.g. <c>2025-06-24T14:15:22-04:00</c> (the clock's style).</summary>
    public static string NewYork(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, MarketTime.NewYork).ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);

    /// <summary>A date as <c>yyyy-MM-dd</c>.</summary>
    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The New York wall-clock time of <paramref name="instant"/> in <paramref name="format"/> (<c>HH:mm</c>, <c>HHmm</c>).</summary>
    public static string NewYorkTime(DateTimeOffset instant, string format) =>
        TimeZoneInfo.ConvertTime(instant, MarketTime.NewYork).ToString(format, CultureInfo.InvariantCulture);

    /// <summary>The UTC instant of midnight New York at the start of <paramref name="date"/>: when Alpaca's daily bar of that date starts.</summary>
    public static DateTimeOffset StartOfNewYorkDay(DateOnly date)
    {
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, MarketTime.NewYork.GetUtcOffset(local)).ToUniversalTime();
    }
}
