using System.Text.Json;
using System.Text.Json.Nodes;
using Alchemiser.Core.Events;
using Alchemiser.Core.Hosting;

namespace Alchemiser.Local.Tests.Contracts;

/// <summary>The sample requests in <c>events/</c>, and the typed contract of every event type.</summary>
internal static class Samples
{
    public const string CorrelationId = "6f1c2a9e-8b4d-4c37-9e52-1d0a7b3f5c84";

    public static string Directory => Path.Combine(RepositoryPaths.Root, "events");

    public static string FunctionsDirectory => Path.Combine(Directory, "functions");

    public static string PathOf(string eventType) => Path.Combine(Directory, eventType + ".json");

    public static string Text(string eventType) => File.ReadAllText(PathOf(eventType));

    public static string FunctionText(string fileName) => File.ReadAllText(Path.Combine(FunctionsDirectory, fileName));

    public static EventBridgeEvent Event(string eventType) => EventBridgeEvent.FromJson(Text(eventType));

    public static JsonObject Node(string eventType) => JsonNode.Parse(Text(eventType))!.AsObject();

    public static IReadOnlyList<EventBridgeEvent> All() => EventTypes.All.Select(Event).ToList();

    /// <summary>
    /// Per event type: the payload read as its record (<see cref="EventEnvelope.PayloadAs{T}"/>) and written back as JSON.
    /// A type missing here fails every test that looks it up.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, Func<EventEnvelope, (object Payload, JsonNode Json)>> PayloadContract =
        new Dictionary<string, Func<EventEnvelope, (object, JsonNode)>>(StringComparer.Ordinal)
        {
            [EventTypes.StrategyEvaluationRequested] = RoundTrip<StrategyEvaluationRequested>,
            [EventTypes.PartialSignalGenerated] = RoundTrip<PartialSignalGenerated>,
            [EventTypes.StrategyEvaluationFailed] = RoundTrip<StrategyEvaluationFailed>,
            [EventTypes.SignalGenerated] = RoundTrip<SignalGenerated>,
            [EventTypes.RebalancePlanned] = RoundTrip<RebalancePlanned>,
            [EventTypes.TradeExecuted] = RoundTrip<TradeExecuted>,
            [EventTypes.WorkflowCompleted] = RoundTrip<WorkflowCompleted>,
            [EventTypes.WorkflowFailed] = RoundTrip<WorkflowFailed>,
        };

    private static (object, JsonNode) RoundTrip<T>(EventEnvelope envelope)
        where T : IEventPayload<T>
    {
        var payload = envelope.PayloadAs<T>();
        return (payload!, JsonSerializer.SerializeToNode(payload, T.JsonTypeInfo)!);
    }

    public static TheoryData<string> EventTypeData() => new(EventTypes.All);
}
