using Alchemiser.Core.Brokerage;
using Alchemiser.Core.MarketData;
using Alchemiser.Core.Time;
using Alchemiser.Local.Time;

namespace Alchemiser.Local.Brokerage;

/// <summary>
/// The regular sessions of <see cref="NyseCalendar"/> as UTC instants: 09:30 to 16:00 New York, 13:00 on early
/// closes. The market is open from the opening instant included to the closing instant excluded.
/// </summary>
internal static class NyseSessions
{
    /// <summary>Regular opening time, America/New_York.</summary>
    public static TimeOnly RegularOpen { get; } = new(9, 30);

    /// <summary>The hours <paramref name="date"/> has or would have (an early close closes at 13:00), whether or not it trades.</summary>
    public static MarketSession Hours(DateOnly date) =>
        new(date,
            NewYorkTime.Instant(date, RegularOpen),
            NewYorkTime.Instant(date, NyseCalendar.IsEarlyClose(date) ? NyseCalendar.EarlyClose : NyseCalendar.RegularClose));

    /// <summary>The session of <paramref name="date"/>; null when it is no trading day.</summary>
    public static MarketSession? On(DateOnly date) => NyseCalendar.IsTradingDay(date) ? Hours(date) : null;

    /// <summary>The session open at <paramref name="instant"/>; null when the market is closed then.</summary>
    public static MarketSession? Containing(DateTimeOffset instant) =>
        On(MarketTime.TradingDateOf(instant)) is { } session && session.Opens <= instant && instant < session.Closes ? session : null;

    /// <summary>Whether the market is open at <paramref name="instant"/>, and its next open and close (Alpaca's clock: while open, the next open is the next day's).</summary>
    public static MarketClock ClockAt(DateTimeOffset instant)
    {
        var date = MarketTime.TradingDateOf(instant);
        if (On(date) is { } today && instant < today.Closes)
        {
            return instant < today.Opens
                ? new MarketClock(instant, false, today.Opens, today.Closes)
                : new MarketClock(instant, true, Hours(NyseCalendar.NextTradingDay(date)).Opens, today.Closes);
        }

        var next = Hours(NyseCalendar.NextTradingDay(date));
        return new MarketClock(instant, false, next.Opens, next.Closes);
    }

    /// <summary>The sessions from <paramref name="from"/> to <paramref name="to"/>, both included, in date order.</summary>
    public static IReadOnlyList<MarketSession> Between(DateOnly from, DateOnly to) =>
        NyseCalendar.TradingDays(from, to).Select(Hours).ToArray();
}
