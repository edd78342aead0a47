using System.Buffers;
using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Alchemiser.Core.Errors;
using Alchemiser.Core.Time;

namespace Alchemiser.Core.Logging;

/// <summary>
/// The structured log of ARCHITECTURE.md §8: one JSON object per line with <c>timestamp</c> (UTC, ISO-8601,
/// milliseconds), <c>level</c>, <c>message</c>, <c>correlation_id</c> and <c>function</c> (null when unset), then the
/// fields in the order given. Thread-safe; scopes made with <see cref="WithCorrelation"/> and <see cref="WithFunction"/>
/// share the sink and the secrets.
/// </summary>
/// <remarks>
/// Every configured secret is replaced by <c>***</c> in the message, field names and string values (numbers that
/// would spell a secret are written as masked strings), and the finished line is checked once more, so a configured
/// secret never reaches the sink. Field values: strings, booleans, numbers (invariant), dates and times (ISO-8601),
/// enums (by name), <see cref="JsonElement"/>s, dictionaries (objects) and other sequences (arrays) are written as
/// such; anything else as its invariant text. A field named like a standard key is written as <c>field_{name}</c>.
/// </remarks>
public sealed class JsonLinesLog : IAlchemiserLog
{
    private const int MaxDepth = 8;

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // log lines, never embedded in HTML: keep them readable
        Indented = false,
        SkipValidation = false,
    };

    private static readonly HashSet<string> StandardKeys = new(StringComparer.Ordinal)
    {
        "timestamp", "level", "message", "correlation_id", "function",
    };

    private readonly ILogSink _sink;
    private readonly SecretRedactor _redactor;
    private readonly IClock _clock;

    /// <summary>A log writing to <paramref name="sink"/> that masks every value of <paramref name="secrets"/>.</summary>
    public JsonLinesLog(ILogSink sink, IEnumerable<string?>? secrets = null, IClock? clock = null)
        : this(sink, secrets is null ? SecretRedactor.None : new SecretRedactor(secrets), clock ?? SystemClock.Instance, null, null)
    {
    }

    private JsonLinesLog(ILogSink sink, SecretRedactor redactor, IClock clock, string? correlationId, string? function)
    {
        ArgumentNullException.ThrowIfNull(sink);
        _sink = sink;
        _redactor = redactor;
        _clock = clock;
        CorrelationId = correlationId;
        Function = function;
    }

    /// <summary>A log writing to standard output that masks every value of <paramref name="secrets"/>.</summary>
    public static JsonLinesLog ToStandardOutput(IEnumerable<string?>? secrets = null) => new(TextWriterLogSink.StandardOutput(), secrets);

    /// <inheritdoc/>
    public string? CorrelationId { get; }

    /// <inheritdoc/>
    public string? Function { get; }

    /// <inheritdoc/>
    public IAlchemiserLog WithCorrelation(string correlationId) => new JsonLinesLog(_sink, _redactor, _clock, correlationId, Function);

    /// <inheritdoc/>
    public IAlchemiserLog WithFunction(string function) => new JsonLinesLog(_sink, _redactor, _clock, CorrelationId, function);

    /// <inheritdoc/>
    public void Info(string message, params (string Key, object? Value)[] fields) => Write(LogLevel.Info, message, fields);

    /// <inheritdoc/>
    public void Warn(string message, params (string Key, object? Value)[] fields) => Write(LogLevel.Warn, message, fields);

    /// <inheritdoc/>
    public void Error(string message, params (string Key, object? Value)[] fields) => Write(LogLevel.Error, message, fields);

    /// <inheritdoc/>
    public void Error(Exception exception, string message, params (string Key, object? Value)[] fields)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var all = new List<(string Key, object? Value)>(fields ?? [])
        {
            ("error_type", exception.GetType().FullName),
            ("error", exception.Message),
        };
        if (exception is AlchemiserException alchemiser)
        {
            all.Add(("error_category", alchemiser.Category));
            all.Add(("remediation_hint", alchemiser.RemediationHint));
        }

        all.Add(("exception", exception.ToString()));
        Write(LogLevel.Error, message, [.. all]);
    }

    /// <inheritdoc/>
    public void Write(LogLevel level, string message, params (string Key, object? Value)[] fields)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("timestamp", _clock.UtcNow.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            writer.WriteString("level", LevelName(level));
            writer.WriteString("message", _redactor.Redact(message ?? string.Empty));
            WriteNullableString(writer, "correlation_id", CorrelationId);
            WriteNullableString(writer, "function", Function);
            foreach (var (key, value) in fields ?? [])
            {
                var name = _redactor.Redact(string.IsNullOrEmpty(key) ? "field" : key);
                writer.WritePropertyName(StandardKeys.Contains(name) ? "field_" + name : name);
                WriteValue(writer, value, 0);
            }

            writer.WriteEndObject();
        }

        var line = Encoding.UTF8.GetString(buffer.WrittenSpan);
        _sink.WriteLine(_redactor.ContainsSecret(line) ? _redactor.Redact(line) : line);
    }

    private static string LevelName(LogLevel level) => level switch
    {
        LogLevel.Info => "INFO",
        LogLevel.Warn => "WARN",
        LogLevel.Error => "ERROR",
        _ => level.ToString().ToUpperInvariant(),
    };

    private void WriteNullableString(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, _redactor.Redact(value));
        }
    }

    private void WriteValue(Utf8JsonWriter writer, object? value, int depth)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string text:
                writer.WriteStringValue(_redactor.Redact(text));
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case char c:
                writer.WriteStringValue(_redactor.Redact(c.ToString()));
                break;
            case Enum e:
                writer.WriteStringValue(_redactor.Redact(e.ToString()));
                break;
            case int or long or short or sbyte or byte or ushort or uint or ulong or decimal or double or float:
                WriteNumber(writer, (IFormattable)value);
                break;
            case DateTimeOffset instant:
                writer.WriteStringValue(_redactor.Redact(instant.ToString("O", CultureInfo.InvariantCulture)));
                break;
            case DateTime dateTime:
                writer.WriteStringValue(_redactor.Redact(dateTime.ToString("O", CultureInfo.InvariantCulture)));
                break;
            case DateOnly date:
                writer.WriteStringValue(_redactor.Redact(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
                break;
            case TimeOnly time:
                writer.WriteStringValue(_redactor.Redact(time.ToString("HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture)));
                break;
            case TimeSpan span:
                writer.WriteStringValue(_redactor.Redact(span.ToString("c", CultureInfo.InvariantCulture)));
                break;
            case JsonElement element:
                WriteJson(writer, element);
                break;
            case IDictionary dictionary when depth < MaxDepth:
                writer.WriteStartObject();
                foreach (DictionaryEntry entry in dictionary)
                {
                    writer.WritePropertyName(_redactor.Redact(Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty));
                    WriteValue(writer, entry.Value, depth + 1);
                }

                writer.WriteEndObject();
                break;
            case IEnumerable sequence when depth < MaxDepth:
                writer.WriteStartArray();
                foreach (var item in sequence)
                {
                    WriteValue(writer, item, depth + 1);
                }

                writer.WriteEndArray();
                break;
            case Exception exception:
                writer.WriteStringValue(_redactor.Redact(exception.GetType().Name + ": " + exception.Message));
                break;
            default:
                writer.WriteStringValue(_redactor.Redact(Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty));
                break;
        }
    }

    private void WriteNumber(Utf8JsonWriter writer, IFormattable number)
    {
        var text = number.ToString(null, CultureInfo.InvariantCulture);
        if (_redactor.ContainsSecret(text))
        {
            writer.WriteStringValue(_redactor.Redact(text));
            return;
        }

        switch (number)
        {
            case double d when !double.IsFinite(d):
            case float f when !float.IsFinite(f):
                writer.WriteStringValue(text);
                break;
            case double d:
                writer.WriteNumberValue(d);
                break;
            case float f:
                writer.WriteNumberValue(f);
                break;
            case decimal m:
                writer.WriteNumberValue(m);
                break;
            case ulong u:
                writer.WriteNumberValue(u);
                break;
            default:
                writer.WriteNumberValue(Convert.ToInt64(number, CultureInfo.InvariantCulture));
                break;
        }
    }

    private void WriteJson(Utf8JsonWriter writer, JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Undefined)
        {
            writer.WriteNullValue();
            return;
        }

        var raw = element.GetRawText();
        if (_redactor.ContainsSecret(raw))
        {
            writer.WriteStringValue(_redactor.Redact(raw));
        }
        else
        {
            element.WriteTo(writer);
        }
    }
}
