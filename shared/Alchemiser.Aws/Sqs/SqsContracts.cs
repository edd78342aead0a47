namespace Alchemiser.Aws.Sqs;

// The SQS JSON-protocol shapes this client sends and reads (AWS's member names). Unknown response members are ignored.
internal sealed record CreateQueueInput(string QueueName, Dictionary<string, string>? Attributes);

internal sealed record GetQueueUrlInput(string QueueName);

internal sealed record QueueUrlOutput(string? QueueUrl);

internal sealed record GetQueueAttributesInput(string QueueUrl, IReadOnlyList<string> AttributeNames);

internal sealed record GetQueueAttributesOutput(Dictionary<string, string>? Attributes);

internal sealed record SetQueueAttributesInput(string QueueUrl, Dictionary<string, string> Attributes);

internal sealed record SendMessageInput(string QueueUrl, string MessageBody, int? DelaySeconds);

internal sealed record SendMessageOutput(string? MessageId);

internal sealed record ReceiveMessageInput(
    string QueueUrl, int MaxNumberOfMessages, int WaitTimeSeconds, int? VisibilityTimeout, IReadOnlyList<string> AttributeNames, IReadOnlyList<string> MessageSystemAttributeNames);

internal sealed record ReceiveMessageOutput(IReadOnlyList<ReceivedMessage>? Messages);

internal sealed record ReceivedMessage(string MessageId, string ReceiptHandle, string Body, Dictionary<string, string>? Attributes);

internal sealed record DeleteMessageInput(string QueueUrl, string ReceiptHandle);

internal sealed record ChangeMessageVisibilityInput(string QueueUrl, string ReceiptHandle, int VisibilityTimeout);

internal sealed record EmptyOutput;
