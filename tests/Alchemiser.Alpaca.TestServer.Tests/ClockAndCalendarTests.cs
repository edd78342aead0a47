using System.Net;
using Alchemiser.Local.Time;

namespace Alchemiser.Alpaca.TestServer.Tests;

/// <summary>GET /v2/clock and /v2/calendar from the broker's sessions, in Alpaca's shapes.</summary>
public sealed class ClockAndCalendarTests
{
    [Fact]
    public async Task The_clock_is_open_at_half_past_three_and_shows_new_york_times()
    {
        await using var paper = await PaperServer.StartAsync();

        var clock = await paper.GetAsync("v2/clock");

        Assert.Equal(HttpStatusCode.OK, clock.Status);
        Assert.True(clock.Json.GetProperty("is_open").GetBoolean());
        Assert.Equal(
            ("2025-06-30T15:30:00-04:00", "2025-07-01T09:30:00-04:00", "2025-06-30T16:00:00-04:00"),
            (clock["timestamp"], clock["next_open"], clock["next_close"]));
    }

    [Fact]
    public async Task The_clock_before_an_early_close_holiday_points_at_the_early_close_and_past_the_holiday()
    {
        await using var paper = await PaperServer.StartAsync();
        paper.Clock.Set(SimulatedClock.At(new DateOnly(2025, 7, 3), new TimeOnly(13, 30)).UtcNow);

        var clock = await paper.GetAsync("v2/clock");

        Assert.False(clock.Json.GetProperty("is_open").GetBoolean());
        Assert.Equal(("2025-07-07T09:30:00-04:00", "2025-07-07T16:00:00-04:00"), (clock["next_open"], clock["next_close"]));
    }

    [Fact]
    public async Task The_calendar_leaves_out_the_holiday_and_the_weekend_and_shows_the_early_close()
    {
        await using var paper = await PaperServer.StartAsync();

        var calendar = await paper.GetAsync("v2/calendar?start=2025-07-01&end=2025-07-08");

        Assert.Equal(HttpStatusCode.OK, calendar.Status);
        var days = calendar.Json.EnumerateArray()
            .Select(d => (d.GetProperty("date").GetString(), d.GetProperty("open").GetString(), d.GetProperty("close").GetString(),
                d.GetProperty("session_open").GetString(), d.GetProperty("session_close").GetString(), d.GetProperty("settlement_date").GetString()))
            .ToArray();
        Assert.Equal(
            [
                ("2025-07-01", "09:30", "16:00", "0400", "2000", "2025-07-02"),
                ("2025-07-02", "09:30", "16:00", "0400", "2000", "2025-07-03"),
                ("2025-07-03", "09:30", "13:00", "0400", "1700", "2025-07-07"),
                ("2025-07-07", "09:30", "16:00", "0400", "2000", "2025-07-08"),
                ("2025-07-08", "09:30", "16:00", "0400", "2000", "2025-07-09"),
            ],
            days);
    }

    [Fact]
    public async Task The_calendar_takes_rfc3339_bounds_and_settlement_dates_and_settles_t_plus_two_before_the_2024_change()
    {
        await using var paper = await PaperServer.StartAsync();

        var trading = await paper.GetAsync("v2/calendar?start=2024-05-23T13:30:00Z&end=2024-05-28T23:00:00-04:00");
        var bySettlement = await paper.GetAsync("v2/calendar?start=2025-07-07&end=2025-07-07&date_type=SETTLEMENT");

        Assert.Equal(
            [("2024-05-23", "2024-05-28"), ("2024-05-24", "2024-05-29"), ("2024-05-28", "2024-05-29")],
            trading.Json.EnumerateArray().Select(d => (d.GetProperty("date").GetString(), d.GetProperty("settlement_date").GetString())).ToArray());
        Assert.Equal("2025-07-03", Assert.Single(bySettlement.Json.EnumerateArray()).GetProperty("date").GetString());
    }

    [Theory]
    [InlineData("v2/calendar?start=07/01/2025", "invalid start: \"07/01/2025\" is neither YYYY-MM-DD nor RFC-3339")]
    [InlineData("v2/calendar?end=2025-13-01", "invalid end: \"2025-13-01\" is neither YYYY-MM-DD nor RFC-3339")]
    [InlineData("v2/calendar?date_type=WEEKLY", "invalid date_type: \"WEEKLY\"")]
    public async Task Invalid_calendar_parameters_are_400(string pathAndQuery, string message)
    {
        await using var paper = await PaperServer.StartAsync();

        (await paper.GetAsync(pathAndQuery)).AssertError(HttpStatusCode.BadRequest, 40010001, message);
    }
}
