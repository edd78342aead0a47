using Alchemiser.Core.Events;
using Alchemiser.Core.Trading;
using Alchemiser.Execution;
using Alchemiser.Functions.Tests.Support;
using Alchemiser.Local.Ledger;

namespace Alchemiser.Functions.Tests.Execution.Support;

/// <summary>
/// One trading afternoon for execution tests: a fake clock at 15:30 New York, a scripted broker, an in-memory ledger,
/// a recording bus, and helpers to write plans and client order ids.
/// </summary>
public sealed class ExecutionScenario
{
    public const string CorrelationId = "3b1f7c2e-5d4a-4e8b-9c6f-0a2d8e4b7f13";

    public static readonly DateOnly TradingDate = new(2025, 6, 30);

    public ExecutionScenario()
    {
        Broker = new ScriptedBroker(Clock) { Cash = 100_000m };
    }

    public FakeClock Clock { get; } = FakeClock.At1530NewYork(TradingDate);

    public ScriptedBroker Broker { get; }

    public InMemoryTradeLedger Ledger { get; } = new();

    public RecordingPublisher Events { get; } = new();

    public ExecutionSettings Settings { get; init; } = new();

    /// <summary>The event id of the plans this scenario writes.</summary>
    public static string PlanEventId => EventEnvelope.DeterministicId(CorrelationId, EventTypes.RebalancePlanned);

    public ExecutionService Service(Func<EventEnvelope, IReadOnlyList<LedgerFill>, Task>? beforeLedgerWrite = null) =>
        new(Broker, Ledger, Events, Clock, Clock, Settings) { BeforeLedgerWrite = beforeLedgerWrite };

    public Task<ExecutionResult> RunAsync(EventEnvelope plan) => Service().HandleAsync(plan);

    /// <summary>The client order id of <paramref name="symbol"/>'s <paramref name="side"/> at <paramref name="step"/>.</summary>
    public static string Id(string symbol, string side, string step) => $"alc-{CorrelationId}-{symbol}-{side}-{step}";

    /// <summary>Quotes <paramref name="symbol"/> and records a last trade at the mid.</summary>
    public void Quote(string symbol, decimal bid, decimal ask)
    {
        Broker.SetQuote(symbol, bid, ask);
        Broker.SetLastTrade(symbol, (bid + ask) / 2m);
    }

    public static PlannedTrade Sell(string symbol, decimal quantity, decimal price = 100m, params StrategyShare[] attribution) =>
        Trade(symbol, "sell", quantity, price, attribution);

    public static PlannedTrade Buy(string symbol, decimal quantity, decimal price = 100m, params StrategyShare[] attribution) =>
        Trade(symbol, "buy", quantity, price, attribution);

    public static PlannedTrade Blocked(string symbol, string side, decimal quantity, string reason) =>
        new(symbol, side, quantity, quantity * 100m, true, reason, [new StrategyShare("klm", 1m)]);

    /// <summary>A RebalancePlanned envelope of this run with <paramref name="trades"/>.</summary>
    public EventEnvelope Plan(params PlannedTrade[] trades) =>
        EventEnvelope.Create(
            new RebalancePlanned("test:2025-06-30", TradingDate, 100_000m, 99_000m, trades, []),
            PlanEventId,
            CorrelationId,
            EventEnvelope.DeterministicId(CorrelationId, EventTypes.SignalGenerated),
            Clock.UtcNow,
            "portfolio",
            "RebalancePlanner");

    private static PlannedTrade Trade(string symbol, string side, decimal quantity, decimal price, StrategyShare[] attribution) =>
        new(symbol, side, quantity, quantity * price, false, null, attribution.Length == 0 ? [new StrategyShare("klm", 1m)] : attribution);
}
