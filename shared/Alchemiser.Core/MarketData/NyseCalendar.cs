using System.Collections.Concurrent;

namespace Alchemiser.Core.MarketData;

/// <summary>
/// NYSE-like trading calendar, pure and time-zone free (dates are America/New_York trading dates). A trading day is
/// a weekday that is not a full holiday. Full holidays: New Year's Day, Martin Luther King Jr. Day (third Monday of
/// January, from 1998), Washington's Birthday (third Monday of February), Good Friday (two days before Gregorian
/// Easter), Memorial Day (last Monday of May), Juneteenth (June 19, from 2022), Independence Day (July 4), Labor Day
/// (first Monday of September), Thanksgiving (fourth Thursday of November) and Christmas Day. A fixed-date holiday
/// on a Saturday is observed the Friday before and on a Sunday the Monday after — except New Year's Day on a
/// Saturday, which is not observed at all (the exchange stays open on Friday, December 31).
/// Early closes (13:00) are the trading days July 3, the day after Thanksgiving and December 24.
/// One-off closures (national days of mourning, weather, 9/11) are not modelled; the broker's calendar is the
/// authority on the day itself.
/// </summary>
public static class NyseCalendar
{
    private static readonly ConcurrentDictionary<int, IReadOnlyDictionary<DateOnly, string>> HolidaysByYear = new();

    /// <summary>Regular closing time, America/New_York.</summary>
    public static TimeOnly RegularClose { get; } = new(16, 0);

    /// <summary>Closing time on an early-close day, America/New_York.</summary>
    public static TimeOnly EarlyClose { get; } = new(13, 0);

    /// <summary>True on weekdays that are not full holidays.</summary>
    public static bool IsTradingDay(DateOnly date) => !IsWeekend(date) && !IsHoliday(date);

    /// <summary>True when <paramref name="date"/> is a weekday on which the exchange is closed for a holiday.</summary>
    public static bool IsHoliday(DateOnly date) => HolidaysOf(date.Year).ContainsKey(date);

    /// <summary>The holiday's name (e.g. <c>Christmas Day (observed)</c>), or null when the date is no holiday.</summary>
    public static string? HolidayName(DateOnly date) => HolidaysOf(date.Year).TryGetValue(date, out var name) ? name : null;

    /// <summary>True on trading days when the exchange closes at <see cref="EarlyClose"/>.</summary>
    public static bool IsEarlyClose(DateOnly date)
    {
        if (!IsTradingDay(date))
        {
            return false;
        }

        return (date.Month == 7 && date.Day == 3)
            || (date.Month == 12 && date.Day == 24)
            || date == Thanksgiving(date.Year).AddDays(1);
    }

    /// <summary>The year's full holidays in date order.</summary>
    public static IReadOnlyList<MarketHoliday> Holidays(int year) =>
        HolidaysOf(year).OrderBy(h => h.Key).Select(h => new MarketHoliday(h.Key, h.Value)).ToArray();

    /// <summary>Every trading day from <paramref name="from"/> to <paramref name="to"/>, both included, in order; empty when from &gt; to.</summary>
    public static IReadOnlyList<DateOnly> TradingDays(DateOnly from, DateOnly to)
    {
        var days = new List<DateOnly>();
        for (var d = from; d <= to; d = d.AddDays(1))
        {
            if (IsTradingDay(d))
            {
                days.Add(d);
            }

            if (d == DateOnly.MaxValue)
            {
                break;
            }
        }

        return days;
    }

    /// <summary>The last trading day strictly before <paramref name="date"/>.</summary>
    public static DateOnly PreviousTradingDay(DateOnly date)
    {
        var d = date.AddDays(-1);
        while (!IsTradingDay(d))
        {
            d = d.AddDays(-1);
        }

        return d;
    }

    /// <summary>The first trading day strictly after <paramref name="date"/>.</summary>
    public static DateOnly NextTradingDay(DateOnly date)
    {
        var d = date.AddDays(1);
        while (!IsTradingDay(d))
        {
            d = d.AddDays(1);
        }

        return d;
    }

    /// <summary>Easter Sunday of <paramref name="year"/> in the Gregorian calendar (anonymous Gregorian computus).</summary>
    public static DateOnly EasterSunday(int year)
    {
        var golden = year % 19;
        var century = year / 100;
        var yearOfCentury = year % 100;
        var leapCenturies = century / 4;
        var centuryRemainder = century % 4;
        var lunarCorrection = (century + 8) / 25;
        var solarCorrection = (century - lunarCorrection + 1) / 3;
        var epact = ((19 * golden) + century - leapCenturies - solarCorrection + 15) % 30;
        var leapYears = yearOfCentury / 4;
        var yearRemainder = yearOfCentury % 4;
        var weekdayOffset = (32 + (2 * centuryRemainder) + (2 * leapYears) - epact - yearRemainder) % 7;
        var correction = (golden + (11 * epact) + (22 * weekdayOffset)) / 451;
        var monthAndDay = epact + weekdayOffset - (7 * correction) + 114;
        return new DateOnly(year, monthAndDay / 31, (monthAndDay % 31) + 1);
    }

    private static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    private static IReadOnlyDictionary<DateOnly, string> HolidaysOf(int year) => HolidaysByYear.GetOrAdd(year, Compute);

    private static Dictionary<DateOnly, string> Compute(int year)
    {
        var holidays = new Dictionary<DateOnly, string>();

        var newYear = new DateOnly(year, 1, 1);
        if (newYear.DayOfWeek != DayOfWeek.Saturday)
        {
            AddObserved(holidays, newYear, "New Year's Day");
        }

        if (year >= 1998)
        {
            holidays[NthWeekday(year, 1, DayOfWeek.Monday, 3)] = "Martin Luther King Jr. Day";
        }

        holidays[NthWeekday(year, 2, DayOfWeek.Monday, 3)] = "Washington's Birthday";
        holidays[EasterSunday(year).AddDays(-2)] = "Good Friday";
        holidays[LastWeekday(year, 5, DayOfWeek.Monday)] = "Memorial Day";
        if (year >= 2022)
        {
            AddObserved(holidays, new DateOnly(year, 6, 19), "Juneteenth National Independence Day");
        }

        AddObserved(holidays, new DateOnly(year, 7, 4), "Independence Day");
        holidays[NthWeekday(year, 9, DayOfWeek.Monday, 1)] = "Labor Day";
        holidays[Thanksgiving(year)] = "Thanksgiving Day";
        AddObserved(holidays, new DateOnly(year, 12, 25), "Christmas Day");
        return holidays;
    }

    private static void AddObserved(Dictionary<DateOnly, string> holidays, DateOnly date, string name)
    {
        switch (date.DayOfWeek)
        {
            case DayOfWeek.Saturday:
                holidays[date.AddDays(-1)] = name + " (observed)";
                break;
            case DayOfWeek.Sunday:
                holidays[date.AddDays(1)] = name + " (observed)";
                break;
            default:
                holidays[date] = name;
                break;
        }
    }

    private static DateOnly Thanksgiving(int year) => NthWeekday(year, 11, DayOfWeek.Thursday, 4);

    private static DateOnly NthWeekday(int year, int month, DayOfWeek weekday, int n)
    {
        var first = new DateOnly(year, month, 1);
        var offset = ((int)weekday - (int)first.DayOfWeek + 7) % 7;
        return first.AddDays(offset + (7 * (n - 1)));
    }

    private static DateOnly LastWeekday(int year, int month, DayOfWeek weekday)
    {
        var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        var offset = ((int)last.DayOfWeek - (int)weekday + 7) % 7;
        return last.AddDays(-offset);
    }
}
