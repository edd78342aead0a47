using System.Text.Json.Serialization.Metadata;
using Alchemiser.Core.Json;

namespace Alchemiser.Core.Events;

/// <summary>Worker → aggregator: one strategy's allocation, with the date of the data it saw and a summary of its decisions.</summary>
public sealed record PartialSignalGenerated(
    string SessionId,
    DateOnly TradingDate,
    string StrategyId,
    string StrategyFile,
    decimal AllocationWeight,
    DateOnly DataAsOf,
    bool LiveBar,
    IReadOnlyDictionary<string, decimal> Allocation,
    TraceSummary TraceSummary) : IEventPayload<PartialSignalGenerated>
{
    public static string EventType => EventTypes.PartialSignalGenerated;

    public static JsonTypeInfo<PartialSignalGenerated> JsonTypeInfo => CoreJsonContext.Default.PartialSignalGenerated;
}
