namespace Alchemiser.Core.Time;

/// <summary>Waits on the system timer.</summary>
public sealed class SystemDelay : IDelay
{
    public static SystemDelay Instance { get; } = new();

    public Task DelayAsync(TimeSpan duration, CancellationToken cancellationToken = default) => Task.Delay(duration, cancellationToken);
}
