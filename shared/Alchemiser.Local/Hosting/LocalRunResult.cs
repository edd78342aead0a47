using Alchemiser.Core.Events;
using Alchemiser.StrategyOrchestrator;

namespace Alchemiser.Local.Hosting;

/// <summary>What a local run did: the orchestrator's answer, every event of the run in publication order, and how long it took.</summary>
public sealed record LocalRunResult(RunStart Start, IReadOnlyList<EventEnvelope> Events, TimeSpan Elapsed)
{
    /// <summary>The run's event of <paramref name="eventType"/>, if it published one.</summary>
    public EventEnvelope? Find(string eventType) => Events.FirstOrDefault(e => e.EventType == eventType);
}
