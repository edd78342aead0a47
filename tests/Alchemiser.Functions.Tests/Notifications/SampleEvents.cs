using Alchemiser.Core.Events;
using Alchemiser.Core.Hosting;

namespace Alchemiser.Functions.Tests.Notifications;

/// <summary>The sample events of <c>events/</c> (one run: dev, 2025-06-30), read as the functions receive them.</summary>
internal static class SampleEvents
{
    public const string CorrelationId = "6f1c2a9e-8b4d-4c37-9e52-1d0a7b3f5c84";

    /// <summary>Every event of the happy path in the order the run publishes them: request, partial, signal, plan, trades, completion.</summary>
    public static IReadOnlyList<EventEnvelope> FullRun() =>
        [Load("StrategyEvaluationRequested"), Load("PartialSignalGenerated"), .. CompletedRun()];

    /// <summary>The happy path: signal, plan, trades, completion.</summary>
    public static IReadOnlyList<EventEnvelope> CompletedRun() =>
        [Load("SignalGenerated"), Load("RebalancePlanned"), Load("TradeExecuted"), Load("WorkflowCompleted")];

    /// <summary>
    /// The sample's <c>TradeExecuted</c> (same event id) where two buys fell short: URA did not fill at all, CCJ filled 50
    /// of 81; equity 100,050.00 before (not the plan's 100,000.00) and 99,900.00 after.
    /// </summary>
    public static EventEnvelope TradesWithFailures()
    {
        var sample = Load("TradeExecuted").PayloadAs<TradeExecuted>();
        var fills = sample.Fills
            .Where(f => f.Symbol != "URA")
            .Select(f => f.Symbol == "CCJ" ? f with { Quantity = 50m } : f)
            .ToList();
        return Envelope(sample with
        {
            OrdersPlaced = 7,
            OrdersFilled = 5,
            OrdersFailed = 2,
            Fills = fills,
            FailedOrders =
            [
                new OrderFailure("URA", "buy", 164m, "trading", "insufficient buying power: $5,936.80 needed, $4,102.17 available"),
                new OrderFailure("CCJ", "buy", 31m, "trading", "limit order expired after 3 re-pricings, \"walk\" ended at the ask"),
            ],
            EquityBefore = 100_050.00m,
            EquityAfter = 99_900.00m,
        });
    }

    /// <summary>The envelope of <c>events/{name}.json</c>.</summary>
    public static EventEnvelope Load(string name) =>
        EventBridgeEvent.FromJson(File.ReadAllText(PathOf(name + ".json"))).Detail;

    /// <summary>The path of <c>events/{relativePath}</c>.</summary>
    public static string PathOf(string relativePath) => Path.Combine(RepositoryRoot(), "events", relativePath);

    /// <summary>An envelope of this run around <paramref name="payload"/>.</summary>
    public static EventEnvelope Envelope<T>(T payload, string? discriminator = null, string correlationId = CorrelationId)
        where T : IEventPayload<T> =>
        EventEnvelope.Create(
            payload,
            EventEnvelope.DeterministicId(correlationId, T.EventType, discriminator),
            correlationId,
            null,
            new DateTimeOffset(2025, 6, 30, 19, 31, 0, TimeSpan.Zero),
            "test",
            "SampleEvents");

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Alchemiser.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Alchemiser.sln not found above " + AppContext.BaseDirectory);
    }
}
