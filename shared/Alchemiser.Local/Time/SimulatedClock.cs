using Alchemiser.Core.Time;

namespace Alchemiser.Local.Time;

/// <summary>
/// A clock the program moves itself: <see cref="DelayAsync"/> advances the clock by the delay and returns at once, so
/// a simulated trading day runs without sleeping. Tests and the local host move it with <see cref="Advance"/> and
/// <see cref="Set"/>. Thread-safe; <see cref="UtcNow"/> is always UTC.
/// </summary>
public sealed class SimulatedClock : IClock, IDelay
{
    private readonly Lock _gate = new();
    private DateTimeOffset _now;

    /// <summary>A clock showing <paramref name="start"/>.</summary>
    public SimulatedClock(DateTimeOffset start)
    {
        _now = start.ToUniversalTime();
    }

    /// <summary>A clock showing <paramref name="newYorkTime"/> on <paramref name="date"/> in America/New_York.</summary>
    public static SimulatedClock At(DateOnly date, TimeOnly newYorkTime) => new(NewYorkTime.Instant(date, newYorkTime));

    /// <inheritdoc />
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

    /// <summary>Moves the clock forward by <paramref name="duration"/> (zero leaves it where it is); returns the new time.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="duration"/> is negative.</exception>
    public DateTimeOffset Advance(TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        lock (_gate)
        {
            _now += duration;
            return _now;
        }
    }

    /// <summary>Sets the clock to <paramref name="instant"/>, forward or back.</summary>
    public void Set(DateTimeOffset instant)
    {
        lock (_gate)
        {
            _now = instant.ToUniversalTime();
        }
    }

    /// <summary>Advances the clock by <paramref name="duration"/> and completes at once; a cancelled token cancels without advancing.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="duration"/> is negative (an infinite wait never ends on a simulated clock).</exception>
    public Task DelayAsync(TimeSpan duration, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled(cancellationToken);
        }

        Advance(duration);
        return Task.CompletedTask;
    }
}
