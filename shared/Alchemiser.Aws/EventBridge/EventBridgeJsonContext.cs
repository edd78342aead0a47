using System.Text.Json.Serialization;

namespace Alchemiser.Aws.EventBridge;

/// <summary>Source-generated JSON for the EventBridge wire contracts (AWS's PascalCase member names; nulls not written).</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(PutEventsInput))]
[JsonSerializable(typeof(PutEventsOutput))]
[JsonSerializable(typeof(CreateEventBusInput))]
[JsonSerializable(typeof(CreateEventBusOutput))]
[JsonSerializable(typeof(PutRuleInput))]
[JsonSerializable(typeof(PutRuleOutput))]
[JsonSerializable(typeof(PutTargetsInput))]
[JsonSerializable(typeof(PutTargetsOutput))]
internal sealed partial class EventBridgeJsonContext : JsonSerializerContext;
