namespace Alchemiser.Core.Logging;

/// <summary>Writes log lines to a <see cref="TextWriter"/> (standard output by default), one whole line at a time, flushed at once.</summary>
public sealed class TextWriterLogSink : ILogSink
{
    private readonly TextWriter _writer;
    private readonly Lock _gate = new();

    /// <summary>A sink writing to <paramref name="writer"/>; the caller keeps ownership of it.</summary>
    public TextWriterLogSink(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        _writer = writer;
    }

    /// <summary>A sink writing to the process's standard output.</summary>
    public static TextWriterLogSink StandardOutput() => new(Console.Out);

    /// <inheritdoc/>
    public void WriteLine(string line)
    {
        lock (_gate)
        {
            _writer.WriteLine(line);
            _writer.Flush();
        }
    }
}
