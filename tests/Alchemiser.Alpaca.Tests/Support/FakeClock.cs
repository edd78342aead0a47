using Alchemiser.Core.Time;

namespace Alchemiser.Alpaca.Tests.Support;

/// <summary>A clock tests set; as an <see cref="IDelay"/> it waits by advancing itself, so nothing sleeps. Thread-safe.</summary>
public sealed class FakeClock(DateTimeOffset now) : IClock, IDelay
{
    private readonly Lock _gate = new();
    private readonly List<TimeSpan> _delays = [];
    private DateTimeOffset _now = now;

    /// <summary>A clock at 2024-01-16 15:00 UTC (10:00 New York).</summary>
    public FakeClock()
        : this(new DateTimeOffset(2024, 1, 16, 15, 0, 0, TimeSpan.Zero))
    {
    }

    public DateTimeOffset UtcNow
    {
        get
        {
            lock (_gate)
            {
                return _now;
            }
        }
    }

    /// <summary>Every wait asked of the clock, in order.</summary>
    public IReadOnlyList<TimeSpan> Delays
    {
        get
        {
            lock (_gate)
            {
                return _delays.ToArray();
            }
        }
    }

    public void Advance(TimeSpan by)
    {
        lock (_gate)
        {
            _now += by;
        }
    }

    /// <summary>Advances the clock by <paramref name="duration"/> at once.</summary>
    public Task DelayAsync(TimeSpan duration, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            _delays.Add(duration);
            _now += duration;
        }

        return Task.CompletedTask;
    }
}
