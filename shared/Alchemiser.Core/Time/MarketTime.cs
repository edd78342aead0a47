namespace Alchemiser.Core.Time;

/// <summary>Trading dates are calendar dates in America/New_York (ARCHITECTURE.md §8).</summary>
public static class MarketTime
{
    public static TimeZoneInfo NewYork { get; } = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    /// <summary>The New York calendar date of an instant.</summary>
    public static DateOnly TradingDateOf(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, NewYork).DateTime);
}
