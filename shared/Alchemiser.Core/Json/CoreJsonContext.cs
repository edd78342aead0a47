using System.Text.Json.Serialization;
using Alchemiser.Core.Events;

namespace Alchemiser.Core.Json;

/// <summary>
/// Source-generated JSON for the wire contracts (no reflection at cold start): snake_case, unknown members rejected,
/// every constructor parameter required, nullability respected.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectRequiredConstructorParameters = true,
    RespectNullableAnnotations = true)]
[JsonSerializable(typeof(EventEnvelope))]
[JsonSerializable(typeof(StrategyEvaluationRequested))]
[JsonSerializable(typeof(PartialSignalGenerated))]
[JsonSerializable(typeof(StrategyEvaluationFailed))]
[JsonSerializable(typeof(SignalGenerated))]
[JsonSerializable(typeof(RebalancePlanned))]
[JsonSerializable(typeof(TradeExecuted))]
[JsonSerializable(typeof(WorkflowCompleted))]
[JsonSerializable(typeof(WorkflowFailed))]
public sealed partial class CoreJsonContext : JsonSerializerContext;
