using System.Text.Json.Serialization.Metadata;
using Alchemiser.Core.Json;

namespace Alchemiser.Core.Events;

/// <summary>Orchestrator → worker: evaluate one strategy of the run's session as of the trading date.</summary>
public sealed record StrategyEvaluationRequested(
    string SessionId,
    DateOnly TradingDate,
    string Stage,
    string StrategyId,
    string StrategyFile,
    decimal AllocationWeight,
    int ExpectedStrategies,
    string LiveBarPolicy) : IEventPayload<StrategyEvaluationRequested>
{
    public static string EventType => EventTypes.StrategyEvaluationRequested;

    public static JsonTypeInfo<StrategyEvaluationRequested> JsonTypeInfo => CoreJsonContext.Default.StrategyEvaluationRequested;
}
