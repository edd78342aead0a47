using System.Text.Json.Serialization.Metadata;
using Alchemiser.Core.Json;

namespace Alchemiser.Core.Events;

/// <summary>Worker → aggregator: one strategy could not be evaluated; the reason is one line, never a stack trace.</summary>
public sealed record StrategyEvaluationFailed(
    string SessionId,
    DateOnly TradingDate,
    string StrategyId,
    string StrategyFile,
    decimal AllocationWeight,
    string Category,
    string Reason) : IEventPayload<StrategyEvaluationFailed>
{
    public static string EventType => EventTypes.StrategyEvaluationFailed;

    public static JsonTypeInfo<StrategyEvaluationFailed> JsonTypeInfo => CoreJsonContext.Default.StrategyEvaluationFailed;
}
