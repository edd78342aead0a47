using Alchemiser.Core.Time;

namespace Alchemiser.Functions.Tests.Support;

/// <summary>A clock tests set and advance; as an <see cref="IDelay"/> it waits by advancing itself, so nothing sleeps.</summary>
public sealed class FakeClock(DateTimeOffset now) : IClock, IDelay
{
    private readonly List<TimeSpan> _delays = [];

    public DateTimeOffset UtcNow { get; private set; } = now;

    /// <summary>Every wait asked of the clock, in order.</summary>
    public IReadOnlyList<TimeSpan> Delays => _delays;

    public void Advance(TimeSpan by) => UtcNow += by;

    /// <summary>Advances the clock by <paramref name="duration"/> at once.</summary>
    public Task DelayAsync(TimeSpan duration, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _delays.Add(duration);
        Advance(duration);
        return Task.CompletedTask;
    }

    /// <summary>15:30 New York on <paramref name="date"/>, the schedule's time.</summary>
    public static FakeClock At1530NewYork(DateOnly date)
    {
        var local = date.ToDateTime(new TimeOnly(15, 30));
        return new FakeClock(new DateTimeOffset(local, MarketTime.NewYork.GetUtcOffset(local)));
    }
}
