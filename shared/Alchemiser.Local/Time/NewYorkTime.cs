using Alchemiser.Core.Time;

namespace Alchemiser.Local.Time;

/// <summary>Wall-clock times in America/New_York turned into UTC instants, and back.</summary>
internal static class NewYorkTime
{
    /// <summary>
    /// The UTC instant of <paramref name="time"/> on <paramref name="date"/> in New York. A time skipped by the spring
    /// daylight-saving change, or repeated by the autumn one, is read with the standard-time offset (what
    /// <see cref="TimeZoneInfo.GetUtcOffset(DateTime)"/> gives); market hours never fall there.
    /// </summary>
    public static DateTimeOffset Instant(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, MarketTime.NewYork.GetUtcOffset(local)).ToUniversalTime();
    }
}
