using System.Text.Json;
using Alchemiser.Core.Errors;
using Alchemiser.Core.Hosting;
using Alchemiser.Core.Time;

namespace Alchemiser.Local.Tests.Contracts;

/// <summary>The orchestrator's schedule input: only the stage is required; the trading date defaults to today in New York.</summary>
public sealed class ScheduleInputTests
{
    private sealed class FixedClock(DateTimeOffset now) : IClock
    {
        public DateTimeOffset UtcNow { get; } = now;
    }

    [Fact]
    public void Only_the_stage_is_required_and_the_rest_defaults()
    {
        var input = ScheduleInput.FromJson("{\"stage\": \"prod\"}");

        Assert.Equal("prod", input.Stage);
        Assert.Null(input.TradingDate);
        Assert.False(input.Force);
        Assert.Equal("schedule", input.Source);
        Assert.Equal("{\"stage\":\"prod\",\"trading_date\":null,\"force\":false,\"source\":\"schedule\"}", input.ToJson());
    }

    [Fact]
    public void Every_member_is_read_in_snake_case()
    {
        var input = ScheduleInput.FromJson("{\"stage\": \"dev\", \"trading_date\": \"2025-06-27\", \"force\": true, \"source\": \"cli\"}");

        Assert.Equal(new ScheduleInput("dev", new DateOnly(2025, 6, 27), true, "cli"), input);
    }

    [Theory]
    [InlineData("2025-07-01T02:00:00Z", "2025-06-30")] // 22:00 on the 30th in New York (EDT)
    [InlineData("2025-06-30T19:30:00Z", "2025-06-30")]
    [InlineData("2025-12-31T05:30:00Z", "2025-12-31")] // 00:30 in New York (EST)
    [InlineData("2025-12-31T04:30:00Z", "2025-12-30")] // 23:30 the day before in New York
    public void Without_a_trading_date_the_run_is_for_today_in_new_york(string now, string expected)
    {
        var clock = new FixedClock(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), new ScheduleInput("dev").ResolveTradingDate(clock));
    }

    [Fact]
    public void A_given_trading_date_wins_over_the_clock()
    {
        var clock = new FixedClock(new DateTimeOffset(2025, 7, 1, 19, 30, 0, TimeSpan.Zero));

        Assert.Equal(new DateOnly(2025, 6, 27), new ScheduleInput("dev", new DateOnly(2025, 6, 27)).ResolveTradingDate(clock));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"trading_date\": null}")]
    [InlineData("{\"stage\": null}")]
    [InlineData("{\"stage\": \"dev\", \"tradingDate\": \"2025-06-30\"}")]
    [InlineData("{\"stage\": \"dev\", \"trading_date\": \"06/30/2025\"}")]
    [InlineData("{\"stage\": \"dev\", \"trading_date\": \"2025-06-31\"}")]
    [InlineData("{\"stage\": \"dev\", \"force\": \"yes\"}")]
    [InlineData("{\"stage\": \"dev\", \"source\": null}")]
    [InlineData("{\"stage\": \"dev\", \"dry_run\": true}")]
    [InlineData("[\"dev\"]")]
    [InlineData("null")]
    public void Input_that_is_not_a_schedule_input_is_a_json_error(string json)
    {
        Assert.Throws<JsonException>(() => ScheduleInput.FromJson(json));
    }

    [Theory]
    [InlineData("{\"stage\": \"Dev\"}")]
    [InlineData("{\"stage\": \"\"}")]
    [InlineData("{\"stage\": \"../prod\"}")]
    [InlineData("{\"stage\": \"dev\", \"source\": \" \"}")]
    public void An_invalid_stage_or_source_is_a_configuration_error(string json)
    {
        var error = Assert.Throws<ConfigurationException>(() => ScheduleInput.FromJson(json));

        Assert.Equal(ErrorCategory.Configuration, error.Category);
        Assert.False(string.IsNullOrWhiteSpace(error.RemediationHint));
    }
}
