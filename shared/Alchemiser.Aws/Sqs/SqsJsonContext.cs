using System.Text.Json.Serialization;

namespace Alchemiser.Aws.Sqs;

/// <summary>Source-generated JSON for the SQS wire contracts (AWS's PascalCase member names; nulls not written).</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CreateQueueInput))]
[JsonSerializable(typeof(GetQueueUrlInput))]
[JsonSerializable(typeof(QueueUrlOutput))]
[JsonSerializable(typeof(GetQueueAttributesInput))]
[JsonSerializable(typeof(GetQueueAttributesOutput))]
[JsonSerializable(typeof(SetQueueAttributesInput))]
[JsonSerializable(typeof(SendMessageInput))]
[JsonSerializable(typeof(SendMessageOutput))]
[JsonSerializable(typeof(ReceiveMessageInput))]
[JsonSerializable(typeof(ReceiveMessageOutput))]
[JsonSerializable(typeof(DeleteMessageInput))]
[JsonSerializable(typeof(ChangeMessageVisibilityInput))]
[JsonSerializable(typeof(EmptyOutput))]
internal sealed partial class SqsJsonContext : JsonSerializerContext;
