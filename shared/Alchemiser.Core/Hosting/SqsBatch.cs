using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Alchemiser.Core.Hosting;

/// <summary>
/// The request of a Lambda function behind an SQS event source mapping: <c>{"Records": [...]}</c>, spelled as AWS
/// spells it. The Execution queue is fed by an EventBridge rule, so every body is an <see cref="EventBridgeEvent"/>
/// (<see cref="SqsMessage.ReadEventBridgeEvent"/>); <see cref="SqsBatchProcessor"/> handles a batch record by record.
/// </summary>
public sealed record SqsBatch([property: JsonPropertyName("Records")] IReadOnlyList<SqsMessage> Records)
{
    /// <summary>Reads a batch. Members AWS may add are ignored; missing or null required members are errors.</summary>
    /// <exception cref="JsonException">Not an SQS batch.</exception>
    public static SqsBatch FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return JsonSerializer.Deserialize(json, AwsTriggerJsonContext.Default.SqsBatch)
            ?? throw new JsonException("the input is JSON null, not an SQS batch");
    }

    /// <summary>The batch as Lambda would deliver it, one line of JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, AwsTriggerJsonContext.Default.SqsBatch);
}

/// <summary>
/// One SQS message of a Lambda batch. <see cref="Attributes"/> holds the system attributes as strings
/// (<c>ApproximateReceiveCount</c>, <c>SentTimestamp</c>, <c>SenderId</c>, <c>ApproximateFirstReceiveTimestamp</c>, ...).
/// </summary>
/// <param name="MessageId">The id a partial batch response names (<see cref="SqsBatchItemFailure.ItemIdentifier"/>).</param>
/// <param name="Md5OfBody">Lower-case hex MD5 of the UTF-8 body (<see cref="ComputeMd5OfBody"/>).</param>
/// <param name="EventSource">Always <c>aws:sqs</c>.</param>
/// <param name="Md5OfMessageAttributes">Present when the message has message attributes; omitted otherwise.</param>
public sealed record SqsMessage(
    [property: JsonPropertyName("messageId")] string MessageId,
    [property: JsonPropertyName("receiptHandle")] string ReceiptHandle,
    [property: JsonPropertyName("body")] string Body,
    [property: JsonPropertyName("attributes")] IReadOnlyDictionary<string, string> Attributes,
    [property: JsonPropertyName("messageAttributes")] IReadOnlyDictionary<string, SqsMessageAttribute> MessageAttributes,
    [property: JsonPropertyName("md5OfBody")] string Md5OfBody,
    [property: JsonPropertyName("eventSource")] string EventSource,
    [property: JsonPropertyName("eventSourceARN")] string EventSourceArn,
    [property: JsonPropertyName("awsRegion")] string AwsRegion,
    [property: JsonPropertyName("md5OfMessageAttributes"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Md5OfMessageAttributes = null)
{
    /// <summary>The <c>eventSource</c> of every SQS record.</summary>
    public const string SqsEventSource = "aws:sqs";

    /// <summary>The system attribute counting deliveries; the queue moves a message to its DLQ after the configured maximum.</summary>
    public const string ApproximateReceiveCountAttribute = "ApproximateReceiveCount";

    /// <summary>How many times the message has been received, this delivery included; null when the attribute is missing or not a number.</summary>
    [JsonIgnore]
    public int? ApproximateReceiveCount =>
        Attributes.TryGetValue(ApproximateReceiveCountAttribute, out var text)
        && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            ? count
            : null;

    /// <summary>The body as the EventBridge event a rule put on the queue.</summary>
    /// <exception cref="JsonException">The body is not an EventBridge event carrying a valid envelope.</exception>
    public EventBridgeEvent ReadEventBridgeEvent() => EventBridgeEvent.FromJson(Body);

    /// <summary>
    /// A message as SQS would hand it to Lambda (for tests and the local host): the system attributes SQS sets, the
    /// MD5 of the body, the region taken from <paramref name="queueArn"/>, no message attributes.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="queueArn"/> is not an SQS queue ARN, or <paramref name="approximateReceiveCount"/> is below 1.</exception>
    public static SqsMessage Create(
        string messageId,
        string body,
        string queueArn,
        int approximateReceiveCount,
        DateTimeOffset sentAt,
        DateTimeOffset firstReceivedAt,
        string senderId,
        string? receiptHandle = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(messageId);
        ArgumentNullException.ThrowIfNull(body);
        ArgumentException.ThrowIfNullOrWhiteSpace(senderId);
        ArgumentOutOfRangeException.ThrowIfLessThan(approximateReceiveCount, 1);
        var region = RegionOf(queueArn);
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [ApproximateReceiveCountAttribute] = approximateReceiveCount.ToString(CultureInfo.InvariantCulture),
            ["SentTimestamp"] = sentAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
            ["SenderId"] = senderId,
            ["ApproximateFirstReceiveTimestamp"] = firstReceivedAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
        };
        return new SqsMessage(
            messageId,
            receiptHandle ?? messageId + "#" + approximateReceiveCount.ToString(CultureInfo.InvariantCulture),
            body,
            attributes,
            new Dictionary<string, SqsMessageAttribute>(StringComparer.Ordinal),
            ComputeMd5OfBody(body),
            SqsEventSource,
            queueArn,
            region);
    }

    /// <summary>SQS's <c>md5OfBody</c>: the lower-case hex MD5 of the body's UTF-8 bytes (a checksum, not security).</summary>
    public static string ComputeMd5OfBody(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
#pragma warning disable CA5351 // SQS defines md5OfBody as MD5; it is an integrity checksum, not a security control.
        return Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(body)));
#pragma warning restore CA5351
    }

    private static string RegionOf(string queueArn)
    {
        ArgumentNullException.ThrowIfNull(queueArn);
        var parts = queueArn.Split(':');
        if (parts.Length != 6 || parts[0] != "arn" || parts[2] != "sqs" || parts[3].Length == 0 || parts[5].Length == 0)
        {
            throw new ArgumentException($"'{queueArn}' is not an SQS queue ARN (arn:aws:sqs:<region>:<account>:<queue>)", nameof(queueArn));
        }

        return parts[3];
    }
}

/// <summary>A message attribute of an SQS record (<c>dataType</c> is <c>String</c>, <c>Number</c> or <c>Binary</c>, optionally with a custom suffix).</summary>
public sealed record SqsMessageAttribute(
    [property: JsonPropertyName("dataType")] string DataType,
    [property: JsonPropertyName("stringValue"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? StringValue = null,
    [property: JsonPropertyName("binaryValue"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? BinaryValue = null,
    [property: JsonPropertyName("stringListValues"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? StringListValues = null,
    [property: JsonPropertyName("binaryListValues"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? BinaryListValues = null);
