using Alchemiser.Local.Time;

namespace Alchemiser.Local.Tests.Time;

/// <summary>The clock a simulated day runs on: it moves when told to and never sleeps.</summary>
public class SimulatedClockTests
{
    private static readonly DateTimeOffset Start = new(2025, 6, 10, 14, 0, 0, TimeSpan.Zero);

    [Fact]
    public void At_reads_the_time_in_new_york_summer_and_winter()
    {
        Assert.Equal(new DateTimeOffset(2025, 6, 10, 13, 30, 0, TimeSpan.Zero), SimulatedClock.At(new DateOnly(2025, 6, 10), new TimeOnly(9, 30)).UtcNow);
        Assert.Equal(new DateTimeOffset(2025, 12, 10, 14, 30, 0, TimeSpan.Zero), SimulatedClock.At(new DateOnly(2025, 12, 10), new TimeOnly(9, 30)).UtcNow);
    }

    [Fact]
    public void UtcNow_is_utc_even_when_started_with_an_offset()
    {
        var clock = new SimulatedClock(new DateTimeOffset(2025, 6, 10, 10, 0, 0, TimeSpan.FromHours(-4)));

        Assert.Equal(TimeSpan.Zero, clock.UtcNow.Offset);
        Assert.Equal(Start, clock.UtcNow);
    }

    [Fact]
    public async Task DelayAsync_advances_the_clock_by_the_delay_and_completes_at_once()
    {
        var clock = new SimulatedClock(Start);

        var delay = clock.DelayAsync(TimeSpan.FromHours(5));

        Assert.True(delay.IsCompletedSuccessfully);
        await delay;
        Assert.Equal(Start.AddHours(5), clock.UtcNow);
    }

    [Fact]
    public async Task A_cancelled_delay_is_cancelled_and_leaves_the_clock_alone()
    {
        var clock = new SimulatedClock(Start);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => clock.DelayAsync(TimeSpan.FromMinutes(1), new CancellationToken(canceled: true)));

        Assert.Equal(Start, clock.UtcNow);
    }

    [Fact]
    public async Task Negative_delays_and_advances_are_refused()
    {
        var clock = new SimulatedClock(Start);

        Assert.Throws<ArgumentOutOfRangeException>(() => clock.Advance(TimeSpan.FromTicks(-1)));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => clock.DelayAsync(Timeout.InfiniteTimeSpan));
        Assert.Equal(Start, clock.UtcNow);
    }

    [Fact]
    public void Advance_returns_the_new_time_and_Set_moves_the_clock_anywhere()
    {
        var clock = new SimulatedClock(Start);

        Assert.Equal(Start.AddMinutes(3), clock.Advance(TimeSpan.FromMinutes(3)));
        clock.Set(Start.AddDays(-1));

        Assert.Equal(Start.AddDays(-1), clock.UtcNow);
    }

    [Fact]
    public async Task Concurrent_delays_all_count()
    {
        var clock = new SimulatedClock(Start);

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < 1000; i++)
            {
                await clock.DelayAsync(TimeSpan.FromMilliseconds(1));
            }
        })));

        Assert.Equal(Start.AddSeconds(8), clock.UtcNow);
    }
}
