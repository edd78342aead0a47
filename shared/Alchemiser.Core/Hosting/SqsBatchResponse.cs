using System.Text.Json;
using System.Text.Json.Serialization;

namespace Alchemiser.Core.Hosting;

/// <summary>
/// The partial batch response of an SQS-triggered function (event source mapping with
/// <c>FunctionResponseTypes: [ReportBatchItemFailures]</c>): <c>{"batchItemFailures":[{"itemIdentifier":"&lt;messageId&gt;"}]}</c>.
/// Listed messages return to the queue (and reach the DLQ after the maximum receives); all others are deleted.
/// An empty list means every message succeeded.
/// </summary>
public sealed record SqsBatchResponse([property: JsonPropertyName("batchItemFailures")] IReadOnlyList<SqsBatchItemFailure> BatchItemFailures)
{
    /// <summary>Every message succeeded.</summary>
    public static SqsBatchResponse AllSucceeded { get; } = new([]);

    /// <summary>The message ids reported as failed, in batch order.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> FailedMessageIds => BatchItemFailures.Select(f => f.ItemIdentifier).ToList();

    /// <summary>Reads a response.</summary>
    /// <exception cref="JsonException">Not a partial batch response.</exception>
    public static SqsBatchResponse FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return JsonSerializer.Deserialize(json, AwsTriggerJsonContext.Default.SqsBatchResponse)
            ?? throw new JsonException("the input is JSON null, not a partial batch response");
    }

    /// <summary>The response as Lambda expects it, one line of JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, AwsTriggerJsonContext.Default.SqsBatchResponse);
}

/// <summary>One failed message of a partial batch response: its <c>messageId</c>.</summary>
public sealed record SqsBatchItemFailure([property: JsonPropertyName("itemIdentifier")] string ItemIdentifier);
