using System.Globalization;
using System.Text;
using Alchemiser.Core.Events;
using Alchemiser.Core.MarketData;
using Alchemiser.Core.Sessions;
using Alchemiser.Local.MarketData;
using Alchemiser.Local.Sessions;
using Alchemiser.Local.Synthetic;
using Alchemiser.SignalAggregator;
using Alchemiser.StrategyOrchestrator;
using Alchemiser.StrategyWorker;

namespace Alchemiser.Functions.Tests.Support;

/// <summary>
/// Orchestrator → workers → aggregator over in-memory ports, with delivery driven by the test: every event can be
/// delivered twice, in shuffled order, concurrently — what EventBridge and SQS are allowed to do.
/// </summary>
public sealed class SignalPipeline : IDisposable
{
    public static readonly DateOnly TradingDate = new(2025, 6, 30);

    private readonly string _folder = Directory.CreateTempSubdirectory("alchemiser-pipeline-").FullName;

    public SignalPipeline(int strategies, string failurePolicy = FailurePolicies.Abort, IReadOnlyDictionary<int, string>? brokenFiles = null)
    {
        var manifest = new StringBuilder("{\"strategies\": [");
        for (var i = 0; i < strategies; i++)
        {
            var file = $"s{i:00}.clj";
            File.WriteAllText(Path.Combine(_folder, file), brokenFiles is not null && brokenFiles.TryGetValue(i, out var text) ? text : StrategyText(i));
            var weight = i == strategies - 1 ? 1m - ((strategies - 1) * Weight(strategies)) : Weight(strategies);
            manifest.Append(i == 0 ? "" : ",").Append(CultureInfo.InvariantCulture, $"{{\"file\": \"{file}\", \"weight\": {weight.ToString(CultureInfo.InvariantCulture)}}}");
        }

        File.WriteAllText(Path.Combine(_folder, "strategies.test.json"), manifest.Append("]}").ToString());
        Bars = new InMemoryBarStore(new SyntheticMarket(3).Generate(Tickers, TradingDate.AddYears(-2), TradingDate));
        Clock = FakeClock.At1530NewYork(TradingDate);
        Orchestrator = new RunOrchestrationService(Sessions, Events, new NyseMarketCalendar(), Clock, new OrchestratorSettings(_folder, FailurePolicy: failurePolicy));
        Worker = new StrategyEvaluationService(Bars, new FixedQuotes(), Events, Clock, new StrategyLibrary(_folder));
        Aggregator = new SignalAggregationService(Sessions, Events, Clock);
    }

    public static IReadOnlyList<string> Tickers { get; } = ["SPY", "QQQ", "TLT", "T0", "T1", "T2", "T3", "T4", "T5", "T6"];

    public string StrategiesFolder => _folder;

    public InMemoryBarStore Bars { get; }

    public FakeClock Clock { get; }

    public InMemoryAggregationSessionStore Sessions { get; } = new();

    public RecordingPublisher Events { get; } = new();

    public RunOrchestrationService Orchestrator { get; }

    public StrategyEvaluationService Worker { get; }

    public SignalAggregationService Aggregator { get; set; }

    /// <summary>A small strategy whose allocation differs with i.</summary>
    public static string StrategyText(int i) => string.Create(CultureInfo.InvariantCulture, $$"""
        (defsymphony "s{{i}}" {:rebalance-frequency :daily}
          (weight-equal
            [(asset "T{{i % 7}}")
             (if (> (rsi "SPY" {:window 10}) {{20 + i}})
                 [(asset "QQQ")]
                 [(filter (cumulative-return {:window {{5 + (i % 10)}}}) (select-top 1) [(asset "TLT") (asset "T{{(i + 3) % 7}}")])])]))
        """);

    public static decimal Weight(int strategies) => Math.Round(1m / strategies, 6);

    /// <summary>Starts the run: the orchestrator publishes the requests.</summary>
    public Task<RunStart> StartAsync(string stage = "test", bool force = false) => Orchestrator.StartAsync(stage, TradingDate, force);

    /// <summary>Delivers every request to the workers (concurrently), then every result to the aggregator.</summary>
    public async Task DeliverAsync(bool twiceShuffled = false, int seed = 1)
    {
        var requests = Events.OfType(EventTypes.StrategyEvaluationRequested);
        await Parallel.ForEachAsync(Repeat(requests, twiceShuffled, seed), (e, ct) => new ValueTask(Worker.HandleAsync(e, ct)));
        var results = Events.Published
            .Where(e => e.EventType is EventTypes.PartialSignalGenerated or EventTypes.StrategyEvaluationFailed)
            .DistinctBy(e => e.EventId)
            .ToList();
        await Parallel.ForEachAsync(Repeat(results, twiceShuffled, seed + 1), (e, ct) => new ValueTask(Aggregator.HandleAsync(e, ct)));
    }

    public Task<AggregationSession?> SessionAsync(string stage = "test") =>
        Sessions.GetAsync($"{stage}:{TradingDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static List<EventEnvelope> Repeat(IReadOnlyList<EventEnvelope> events, bool twiceShuffled, int seed)
    {
        var list = twiceShuffled ? events.Concat(events).ToList() : events.ToList();
        if (twiceShuffled)
        {
            var random = new Random(seed);
            for (var i = list.Count - 1; i > 0; i--)
            {
                var j = random.Next(i + 1);
                (list[i], list[j]) = (list[j], list[i]);
            }
        }

        return list;
    }
}
