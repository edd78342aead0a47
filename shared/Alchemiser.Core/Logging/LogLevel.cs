namespace Alchemiser.Core.Logging;

/// <summary>The severity of a log line, written as <c>INFO</c>, <c>WARN</c> or <c>ERROR</c>.</summary>
public enum LogLevel
{
    /// <summary>Normal progress.</summary>
    Info,

    /// <summary>Something unexpected that the run survives.</summary>
    Warn,

    /// <summary>A failure.</summary>
    Error,
}
