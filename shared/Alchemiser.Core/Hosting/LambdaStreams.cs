using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Alchemiser.Core.Errors;

namespace Alchemiser.Core.Hosting;

/// <summary>
/// The two ends of a <c>Task&lt;Stream&gt; HandleAsync(Stream input)</c> handler: the request read into a typed value,
/// the response written to a <see cref="MemoryStream"/>. A request of the wrong shape is a
/// <see cref="ConfigurationException"/> (the trigger is wired to the wrong function or sends the wrong input) whose
/// message says what was expected, why the request is not that, and how the request starts (at most
/// <see cref="SnippetLength"/> characters, on one line). The JSON reader's own message is not chained as an inner
/// exception: it can quote the request at any length, so only a bounded, one-line excerpt of it is kept.
/// </summary>
public static class LambdaStreams
{
    /// <summary>How many characters of a bad request an error message quotes.</summary>
    public const int SnippetLength = 200;

    /// <summary>What <see cref="ReadEventBridgeEventAsync"/> expects, as error messages name it.</summary>
    public const string EventBridgeEventDescription = "an EventBridge event whose detail is an Alchemiser event envelope";

    /// <summary>What <see cref="ReadSqsBatchAsync"/> expects, as error messages name it.</summary>
    public const string SqsBatchDescription = "an SQS batch ({\"Records\": [...]})";

    /// <summary>What <see cref="ReadScheduleInputAsync"/> expects, as error messages name it.</summary>
    public const string ScheduleInputDescription = "a schedule input ({\"stage\": \"dev\", \"trading_date\": null, \"force\": false, \"source\": \"schedule\"})";

    private const string Hint =
        "Check the function's trigger in template.yaml (rule target, queue, schedule Input) and the sender's schema_version; "
        + "events/ holds a valid request for every function.";

    /// <summary>Reads the request of an EventBridge-triggered function (<see cref="EventBridgeEvent.FromJson"/>).</summary>
    public static Task<EventBridgeEvent> ReadEventBridgeEventAsync(Stream input, CancellationToken cancellationToken = default) =>
        ReadAsync(input, EventBridgeEventDescription, EventBridgeEvent.FromJson, cancellationToken);

    /// <summary>Reads the request of an SQS-triggered function (<see cref="SqsBatch.FromJson"/>).</summary>
    public static Task<SqsBatch> ReadSqsBatchAsync(Stream input, CancellationToken cancellationToken = default) =>
        ReadAsync(input, SqsBatchDescription, SqsBatch.FromJson, cancellationToken);

    /// <summary>Reads the orchestrator's request (<see cref="ScheduleInput.FromJson"/>).</summary>
    public static Task<ScheduleInput> ReadScheduleInputAsync(Stream input, CancellationToken cancellationToken = default) =>
        ReadAsync(input, ScheduleInputDescription, ScheduleInput.FromJson, cancellationToken);

    /// <summary>Reads a request of any source-generated type; <paramref name="expected"/> names it in errors ("a ...").</summary>
    public static Task<T> ReadAsync<T>(Stream input, JsonTypeInfo<T> typeInfo, string expected, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        return ReadAsync(
            input,
            expected,
            json => JsonSerializer.Deserialize(json, typeInfo) ?? throw new JsonException("the input is JSON null"),
            cancellationToken);
    }

    /// <summary>The response as JSON in a <see cref="MemoryStream"/> positioned at its start.</summary>
    public static MemoryStream Write<T>(T value, JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        var stream = new MemoryStream();
        JsonSerializer.Serialize(stream, value, typeInfo);
        stream.Position = 0;
        return stream;
    }

    /// <summary>The partial batch response of an SQS-triggered function.</summary>
    public static MemoryStream WriteSqsBatchResponse(SqsBatchResponse response) =>
        Write(response, AwsTriggerJsonContext.Default.SqsBatchResponse);

    private static async Task<T> ReadAsync<T>(Stream input, string expected, Func<string, T> parse, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentException.ThrowIfNullOrWhiteSpace(expected);
        string text;
        using (var reader = new StreamReader(input, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), detectEncodingFromByteOrderMarks: true, leaveOpen: true))
        {
            text = await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            throw new ConfigurationException($"the request is empty; expected {expected}", Hint);
        }

        try
        {
            return parse(text);
        }
        catch (JsonException error)
        {
            throw new ConfigurationException($"the request is not {expected}: {Reason(error)} The request starts with: {Snippet(text)}", Hint);
        }
    }

    /// <summary>
    /// The JSON error on one line, bounded: the reader's message may quote the request at any length, so its text and its
    /// position suffix (<c>Path: ... | LineNumber: ... | BytePositionInLine: ...</c>) are each cut to <see cref="SnippetLength"/>.
    /// </summary>
    private static string Reason(JsonException error)
    {
        var message = error.Message;
        var at = message.IndexOf(" Path: ", StringComparison.Ordinal);
        return at < 0 ? Snippet(message) : Snippet(message[..at]) + " " + Snippet(message[(at + 1)..]);
    }

    /// <summary>The first <see cref="SnippetLength"/> characters of <paramref name="text"/> on one line, with an ellipsis when cut.</summary>
    private static string Snippet(string text)
    {
        var length = Math.Min(text.Length, SnippetLength);
        if (length < text.Length && char.IsHighSurrogate(text[length - 1]))
        {
            length--;
        }

        var builder = new StringBuilder(length + 1);
        foreach (var c in text.AsSpan(0, length))
        {
            builder.Append(char.IsControl(c) ? ' ' : c);
        }

        if (length < text.Length)
        {
            builder.Append('…');
        }

        return builder.ToString();
    }
}
