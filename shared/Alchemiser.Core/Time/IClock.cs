namespace Alchemiser.Core.Time;

/// <summary>Port: the current instant. Inject it; tests set it.</summary>
public interface IClock
{
    DateTimeOffset UtcNow { get; }
}
