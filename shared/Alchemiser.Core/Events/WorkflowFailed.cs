using System.Text.Json.Serialization.Metadata;
using Alchemiser.Core.Json;

namespace Alchemiser.Core.Events;

/// <summary>The run stopped: which step, the error category, a one-line reason and what to do about it.</summary>
public sealed record WorkflowFailed(
    DateOnly TradingDate,
    string? SessionId,
    string Category,
    string Reason,
    string FailedStep,
    IReadOnlyList<string> FailedStrategies,
    string? RemediationHint) : IEventPayload<WorkflowFailed>
{
    public static string EventType => EventTypes.WorkflowFailed;

    public static JsonTypeInfo<WorkflowFailed> JsonTypeInfo => CoreJsonContext.Default.WorkflowFailed;
}
