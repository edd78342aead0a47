using System.Globalization;
using Alchemiser.Core.MarketData;

namespace Alchemiser.Local.Tests.MarketData;

public class NyseCalendarTests
{
    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2024-01-01", "New Year's Day")]
    [InlineData("2024-01-15", "Martin Luther King Jr. Day")]
    [InlineData("2024-02-19", "Washington's Birthday")]
    [InlineData("2024-03-29", "Good Friday")]
    [InlineData("2024-05-27", "Memorial Day")]
    [InlineData("2024-06-19", "Juneteenth National Independence Day")]
    [InlineData("2024-07-04", "Independence Day")]
    [InlineData("2024-09-02", "Labor Day")]
    [InlineData("2024-11-28", "Thanksgiving Day")]
    [InlineData("2024-12-25", "Christmas Day")]
    public void The_exchange_is_closed_on_every_2024_holiday(string date, string name)
    {
        Assert.False(NyseCalendar.IsTradingDay(D(date)));
        Assert.True(NyseCalendar.IsHoliday(D(date)));
        Assert.Equal(name, NyseCalendar.HolidayName(D(date)));
    }

    [Theory]
    [InlineData("2022-12-26", "Christmas Day (observed)")]
    [InlineData("2021-12-24", "Christmas Day (observed)")]
    [InlineData("2023-01-02", "New Year's Day (observed)")]
    [InlineData("2022-06-20", "Juneteenth National Independence Day (observed)")]
    [InlineData("2021-07-05", "Independence Day (observed)")]
    [InlineData("2026-07-03", "Independence Day (observed)")]
    [InlineData("2027-06-18", "Juneteenth National Independence Day (observed)")]
    public void A_holiday_on_a_weekend_is_observed_on_the_nearest_weekday(string date, string name)
    {
        Assert.False(NyseCalendar.IsTradingDay(D(date)));
        Assert.Equal(name, NyseCalendar.HolidayName(D(date)));
    }

    [Theory]
    [InlineData("2021-12-31")]
    [InlineData("2027-12-31")]
    public void New_Years_Day_on_a_Saturday_does_not_close_the_Friday_before(string date)
    {
        Assert.True(NyseCalendar.IsTradingDay(D(date)));
        Assert.Null(NyseCalendar.HolidayName(D(date)));
    }

    [Fact]
    public void Juneteenth_is_a_holiday_only_from_2022()
    {
        Assert.True(NyseCalendar.IsTradingDay(D("2021-06-18")));
        Assert.False(NyseCalendar.IsTradingDay(D("2023-06-19")));
    }

    [Fact]
    public void Martin_Luther_King_Day_is_a_holiday_only_from_1998()
    {
        Assert.True(NyseCalendar.IsTradingDay(D("1997-01-20")));
        Assert.False(NyseCalendar.IsTradingDay(D("1998-01-19")));
    }

    [Theory]
    [InlineData(2008, "2008-03-23")]
    [InlineData(2011, "2011-04-24")]
    [InlineData(2019, "2019-04-21")]
    [InlineData(2024, "2024-03-31")]
    [InlineData(2025, "2025-04-20")]
    [InlineData(2038, "2038-04-25")]
    [InlineData(2285, "2285-03-22")]
    public void Easter_follows_the_gregorian_computus(int year, string easter)
    {
        Assert.Equal(D(easter), NyseCalendar.EasterSunday(year));
        Assert.Equal("Good Friday", NyseCalendar.HolidayName(D(easter).AddDays(-2)));
    }

    [Fact]
    public void Weekends_are_not_trading_days_and_not_holidays()
    {
        Assert.False(NyseCalendar.IsTradingDay(D("2024-01-06")));
        Assert.False(NyseCalendar.IsTradingDay(D("2024-01-07")));
        Assert.False(NyseCalendar.IsHoliday(D("2024-01-06")));
        Assert.False(NyseCalendar.IsHoliday(D("2022-12-25")));
    }

    [Theory]
    [InlineData(2021, 252)]
    [InlineData(2022, 251)]
    [InlineData(2023, 250)]
    [InlineData(2024, 252)]
    public void A_year_has_the_published_number_of_trading_days(int year, int days)
    {
        Assert.Equal(days, NyseCalendar.TradingDays(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31)).Count);
    }

    [Fact]
    public void Holidays_of_a_year_are_listed_in_date_order()
    {
        var holidays = NyseCalendar.Holidays(2022);

        Assert.Equal(
            ["2022-01-17", "2022-02-21", "2022-04-15", "2022-05-30", "2022-06-20", "2022-07-04", "2022-09-05", "2022-11-24", "2022-12-26"],
            holidays.Select(h => h.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("2024-07-03")]
    [InlineData("2024-11-29")]
    [InlineData("2024-12-24")]
    [InlineData("2023-07-03")]
    [InlineData("2023-11-24")]
    [InlineData("2025-07-03")]
    public void Early_closes_are_the_trading_days_before_Independence_Day_after_Thanksgiving_and_on_Christmas_Eve(string date)
    {
        Assert.True(NyseCalendar.IsTradingDay(D(date)));
        Assert.True(NyseCalendar.IsEarlyClose(D(date)));
    }

    [Theory]
    [InlineData("2026-07-03")]
    [InlineData("2021-12-24")]
    [InlineData("2023-12-24")]
    [InlineData("2024-07-05")]
    [InlineData("2024-11-28")]
    [InlineData("2024-12-23")]
    public void Closed_days_and_ordinary_days_are_not_early_closes(string date)
    {
        Assert.False(NyseCalendar.IsEarlyClose(D(date)));
    }

    [Fact]
    public void Trading_days_of_a_range_include_both_ends_and_skip_weekends_and_holidays()
    {
        var days = NyseCalendar.TradingDays(D("2024-03-27"), D("2024-04-02"));

        Assert.Equal([D("2024-03-27"), D("2024-03-28"), D("2024-04-01"), D("2024-04-02")], days);
        Assert.Empty(NyseCalendar.TradingDays(D("2024-04-02"), D("2024-03-27")));
    }

    [Fact]
    public void Previous_and_next_trading_day_step_over_weekends_and_holidays()
    {
        Assert.Equal(D("2024-03-28"), NyseCalendar.PreviousTradingDay(D("2024-04-01")));
        Assert.Equal(D("2024-04-01"), NyseCalendar.NextTradingDay(D("2024-03-28")));
        Assert.Equal(D("2024-07-03"), NyseCalendar.PreviousTradingDay(D("2024-07-05")));
        Assert.Equal(D("2024-12-31"), NyseCalendar.PreviousTradingDay(D("2025-01-02")));
        Assert.Equal(D("2023-01-03"), NyseCalendar.NextTradingDay(D("2022-12-30")));
    }

    [Fact]
    public void Closing_times_are_four_pm_and_one_pm_on_early_closes()
    {
        Assert.Equal(new TimeOnly(16, 0), NyseCalendar.RegularClose);
        Assert.Equal(new TimeOnly(13, 0), NyseCalendar.EarlyClose);
    }
}
