namespace Alchemiser.Core.Logging;

/// <summary>
/// Port: structured logging (ARCHITECTURE.md §8). Each call writes one line carrying the log's scope
/// (<see cref="CorrelationId"/>, <see cref="Function"/>) and the given fields; configured secrets never reach the output.
/// </summary>
public interface IAlchemiserLog
{
    /// <summary>The run every line of this log belongs to, or null outside a run.</summary>
    string? CorrelationId { get; }

    /// <summary>The function (or CLI command) writing, or null.</summary>
    string? Function { get; }

    /// <summary>A log writing to the same output with <paramref name="correlationId"/> on every line.</summary>
    IAlchemiserLog WithCorrelation(string correlationId);

    /// <summary>A log writing to the same output with <paramref name="function"/> on every line.</summary>
    IAlchemiserLog WithFunction(string function);

    /// <summary>Writes one line at <paramref name="level"/>.</summary>
    void Write(LogLevel level, string message, params (string Key, object? Value)[] fields);

    /// <summary>Writes one <c>INFO</c> line.</summary>
    void Info(string message, params (string Key, object? Value)[] fields);

    /// <summary>Writes one <c>WARN</c> line.</summary>
    void Warn(string message, params (string Key, object? Value)[] fields);

    /// <summary>Writes one <c>ERROR</c> line.</summary>
    void Error(string message, params (string Key, object? Value)[] fields);

    /// <summary>
    /// Writes one <c>ERROR</c> line describing <paramref name="exception"/>: <c>error_type</c>, <c>error</c> and
    /// <c>exception</c> (with the stack), plus <c>error_category</c> and <c>remediation_hint</c> for an
    /// <see cref="Errors.AlchemiserException"/>.
    /// </summary>
    void Error(Exception exception, string message, params (string Key, object? Value)[] fields);
}
