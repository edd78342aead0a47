namespace Alchemiser.Core.Logging;

/// <summary>Keeps every log line in memory, for tests that assert on what was logged.</summary>
public sealed class InMemoryLogSink : ILogSink
{
    private readonly Lock _gate = new();
    private readonly List<string> _lines = [];

    /// <summary>The lines written so far, in order.</summary>
    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_gate)
            {
                return _lines.ToArray();
            }
        }
    }

    /// <summary>All lines, each followed by a line feed, as they would appear on standard output.</summary>
    public string Text => string.Concat(Lines.Select(line => line + "\n"));

    /// <inheritdoc/>
    public void WriteLine(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        lock (_gate)
        {
            _lines.Add(line);
        }
    }

    /// <summary>Forgets every line.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _lines.Clear();
        }
    }
}
