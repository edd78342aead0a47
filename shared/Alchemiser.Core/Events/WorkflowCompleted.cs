using System.Text.Json.Serialization.Metadata;
using Alchemiser.Core.Json;

namespace Alchemiser.Core.Events;

/// <summary>The run ended: <c>completed</c>, or <c>skipped</c> (holiday, early close, already run) with the reason.</summary>
public sealed record WorkflowCompleted(
    DateOnly TradingDate,
    string Outcome,
    string? Reason,
    string? SessionId) : IEventPayload<WorkflowCompleted>
{
    public static string EventType => EventTypes.WorkflowCompleted;

    public static JsonTypeInfo<WorkflowCompleted> JsonTypeInfo => CoreJsonContext.Default.WorkflowCompleted;
}
