namespace Alchemiser.Core.Time;

/// <summary>
/// Port: waiting. Production waits on the system timer (<see cref="SystemDelay"/>); a simulated clock advances itself
/// instead, so tests and the simulated day never sleep.
/// </summary>
public interface IDelay
{
    Task DelayAsync(TimeSpan duration, CancellationToken cancellationToken = default);
}
