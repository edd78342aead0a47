namespace Alchemiser.Core.Logging;

/// <summary>Where finished log lines go. Implementations must accept calls from many threads at once.</summary>
public interface ILogSink
{
    /// <summary>Writes one complete line (without its line break).</summary>
    void WriteLine(string line);
}
