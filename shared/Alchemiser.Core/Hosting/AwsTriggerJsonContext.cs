using System.Text.Json.Serialization;

namespace Alchemiser.Core.Hosting;

/// <summary>
/// Source-generated JSON for the shapes AWS defines (EventBridge event, SQS batch, partial batch response): names as
/// AWS spells them (<c>[JsonPropertyName]</c>, no naming policy), constructor parameters required, nullability
/// respected. Members AWS adds to its own shapes are ignored; the envelope inside <c>detail</c> keeps
/// <see cref="Json.CoreJsonContext"/>'s strict rules.
/// </summary>
[JsonSourceGenerationOptions(
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    RespectRequiredConstructorParameters = true,
    RespectNullableAnnotations = true)]
[JsonSerializable(typeof(EventBridgeEvent))]
[JsonSerializable(typeof(SqsBatch))]
[JsonSerializable(typeof(SqsBatchResponse))]
public sealed partial class AwsTriggerJsonContext : JsonSerializerContext;
