using Alchemiser.Core.Events;

namespace Alchemiser.Execution;

/// <summary>What one delivery of a plan did: the trade report and the events published (TradeExecuted, then the run's end).</summary>
public sealed record ExecutionResult(TradeExecuted Report, IReadOnlyList<EventEnvelope> Published);
