using System.Globalization;
using System.Text.Json.Serialization.Metadata;
using Alchemiser.Aws.Http;
using Alchemiser.Core.Errors;

namespace Alchemiser.Aws.Sqs;

/// <summary>
/// Amazon SQS over its JSON protocol (<c>X-Amz-Target: AmazonSQS.*</c>, <c>application/x-amz-json-1.0</c>): send,
/// receive (with every system attribute), delete, change visibility, and the queue set-up calls.
/// </summary>
public sealed class SqsClient(AwsHttpClient client)
{
    private const string Service = "sqs";
    private const string TargetPrefix = "AmazonSQS";
    private readonly AwsHttpClient _client = client ?? throw new ArgumentNullException(nameof(client));

    /// <summary>Creates the queue (or finds the identical one) and returns its URL.</summary>
    public async Task<string> CreateQueueAsync(string queueName, IReadOnlyDictionary<string, string>? attributes = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(queueName);
        var output = await CallAsync(
            "CreateQueue", new CreateQueueInput(queueName, attributes?.ToDictionary(StringComparer.Ordinal)), SqsJsonContext.Default.CreateQueueInput, SqsJsonContext.Default.QueueUrlOutput, cancellationToken).ConfigureAwait(false);
        return Required(output.QueueUrl, "CreateQueue", "QueueUrl");
    }

    /// <summary>The URL of the queue named <paramref name="queueName"/>.</summary>
    public async Task<string> GetQueueUrlAsync(string queueName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(queueName);
        var output = await CallAsync("GetQueueUrl", new GetQueueUrlInput(queueName), SqsJsonContext.Default.GetQueueUrlInput, SqsJsonContext.Default.QueueUrlOutput, cancellationToken).ConfigureAwait(false);
        return Required(output.QueueUrl, "GetQueueUrl", "QueueUrl");
    }

    /// <summary>The queue's attributes (all of them unless <paramref name="names"/> are given).</summary>
    public async Task<IReadOnlyDictionary<string, string>> GetQueueAttributesAsync(string queueUrl, IReadOnlyList<string>? names = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(queueUrl);
        var output = await CallAsync(
            "GetQueueAttributes", new GetQueueAttributesInput(queueUrl, names ?? ["All"]), SqsJsonContext.Default.GetQueueAttributesInput, SqsJsonContext.Default.GetQueueAttributesOutput, cancellationToken).ConfigureAwait(false);
        return output.Attributes ?? new Dictionary<string, string>(StringComparer.Ordinal);
    }

    /// <summary>Sets queue attributes, e.g. <c>RedrivePolicy</c> (see <see cref="RedrivePolicy"/>) or <c>VisibilityTimeout</c>.</summary>
    public Task SetQueueAttributesAsync(string queueUrl, IReadOnlyDictionary<string, string> attributes, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(queueUrl);
        ArgumentNullException.ThrowIfNull(attributes);
        return CallAsync(
            "SetQueueAttributes", new SetQueueAttributesInput(queueUrl, attributes.ToDictionary(StringComparer.Ordinal)), SqsJsonContext.Default.SetQueueAttributesInput, SqsJsonContext.Default.EmptyOutput, cancellationToken);
    }

    /// <summary>Sends one message and returns SQS's message id.</summary>
    public async Task<string> SendMessageAsync(string queueUrl, string body, TimeSpan? delay = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(queueUrl);
        ArgumentNullException.ThrowIfNull(body);
        var output = await CallAsync(
            "SendMessage",
            new SendMessageInput(queueUrl, body, delay is null ? null : (int)delay.Value.TotalSeconds),
            SqsJsonContext.Default.SendMessageInput,
            SqsJsonContext.Default.SendMessageOutput,
            cancellationToken).ConfigureAwait(false);
        return Required(output.MessageId, "SendMessage", "MessageId");
    }

    /// <summary>
    /// Receives up to <paramref name="maxMessages"/> (1–10) messages, waiting up to <paramref name="waitSeconds"/> (0–20) for
    /// the first; each comes with every system attribute (including <c>ApproximateReceiveCount</c>).
    /// </summary>
    public async Task<IReadOnlyList<SqsMessage>> ReceiveMessagesAsync(
        string queueUrl, int maxMessages = 10, int waitSeconds = 0, TimeSpan? visibilityTimeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(queueUrl);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessages, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxMessages, 10);
        ArgumentOutOfRangeException.ThrowIfLessThan(waitSeconds, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(waitSeconds, 20);
        var input = new ReceiveMessageInput(
            queueUrl, maxMessages, waitSeconds, visibilityTimeout is null ? null : (int)visibilityTimeout.Value.TotalSeconds, ["All"], ["All"]);
        var output = await CallAsync("ReceiveMessage", input, SqsJsonContext.Default.ReceiveMessageInput, SqsJsonContext.Default.ReceiveMessageOutput, cancellationToken).ConfigureAwait(false);
        return (output.Messages ?? [])
            .Select(m => new SqsMessage(m.MessageId, m.ReceiptHandle, m.Body, m.Attributes ?? new Dictionary<string, string>(StringComparer.Ordinal)))
            .ToList();
    }

    /// <summary>Deletes a received message by its receipt handle.</summary>
    public Task DeleteMessageAsync(string queueUrl, string receiptHandle, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(queueUrl);
        ArgumentException.ThrowIfNullOrWhiteSpace(receiptHandle);
        return CallAsync("DeleteMessage", new DeleteMessageInput(queueUrl, receiptHandle), SqsJsonContext.Default.DeleteMessageInput, SqsJsonContext.Default.EmptyOutput, cancellationToken);
    }

    /// <summary>Hides a received message for <paramref name="visibilityTimeout"/> more (zero makes it visible again now).</summary>
    public Task ChangeMessageVisibilityAsync(string queueUrl, string receiptHandle, TimeSpan visibilityTimeout, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(queueUrl);
        ArgumentException.ThrowIfNullOrWhiteSpace(receiptHandle);
        ArgumentOutOfRangeException.ThrowIfLessThan(visibilityTimeout, TimeSpan.Zero);
        return CallAsync(
            "ChangeMessageVisibility",
            new ChangeMessageVisibilityInput(queueUrl, receiptHandle, (int)visibilityTimeout.TotalSeconds),
            SqsJsonContext.Default.ChangeMessageVisibilityInput,
            SqsJsonContext.Default.EmptyOutput,
            cancellationToken);
    }

    /// <summary>The <c>RedrivePolicy</c> attribute value that moves a message to <paramref name="deadLetterQueueArn"/> after <paramref name="maxReceiveCount"/> receives.</summary>
    public static string RedrivePolicy(string deadLetterQueueArn, int maxReceiveCount)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(deadLetterQueueArn);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxReceiveCount, 1);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{{\"deadLetterTargetArn\":\"{System.Text.Encodings.Web.JavaScriptEncoder.Default.Encode(deadLetterQueueArn)}\",\"maxReceiveCount\":\"{maxReceiveCount}\"}}");
    }

    private Task<TOutput> CallAsync<TInput, TOutput>(
        string operation, TInput input, JsonTypeInfo<TInput> inputType, JsonTypeInfo<TOutput> outputType, CancellationToken cancellationToken) =>
        AwsJsonProtocol.CallAsync(_client, Service, AwsJsonProtocol.Json10, TargetPrefix, operation, input, inputType, outputType, ErrorCategory.Configuration, cancellationToken);

    private static string Required(string? value, string operation, string member) =>
        value ?? throw new AwsServiceException(Service, operation, 200, "MalformedResponse", $"the response has no {member}");
}
