using System.Text.Json.Serialization.Metadata;
using Alchemiser.Core.Json;

namespace Alchemiser.Core.Events;

/// <summary>Aggregator → portfolio: the consolidated target portfolio of the run, Σ(strategy weight × allocation) normalized.</summary>
public sealed record SignalGenerated(
    string SessionId,
    DateOnly TradingDate,
    int ExpectedStrategies,
    int ReceivedStrategies,
    string FailurePolicy,
    IReadOnlyList<string> FailedStrategies,
    bool Renormalized,
    IReadOnlyDictionary<string, decimal> Portfolio,
    IReadOnlyList<StrategyContributionSummary> Contributions) : IEventPayload<SignalGenerated>
{
    public static string EventType => EventTypes.SignalGenerated;

    public static JsonTypeInfo<SignalGenerated> JsonTypeInfo => CoreJsonContext.Default.SignalGenerated;
}
