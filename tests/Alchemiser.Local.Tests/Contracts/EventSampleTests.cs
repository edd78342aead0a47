using System.Text.Json.Nodes;
using Alchemiser.Core.Events;
using Alchemiser.Core.Hosting;

namespace Alchemiser.Local.Tests.Contracts;

/// <summary>Every <c>events/&lt;EventType&gt;.json</c> is a valid EventBridge event of its type that round-trips unchanged.</summary>
public sealed class EventSampleTests
{
    public static TheoryData<string> EventTypeData() => Samples.EventTypeData();

    [Fact]
    public void Every_event_type_has_a_sample_and_every_sample_is_an_event_type()
    {
        var files = Directory.GetFiles(Samples.Directory, "*.json").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal);
        Assert.Equal(EventTypes.All.Order(StringComparer.Ordinal), files);
        Assert.Equal(EventTypes.All.Count, Samples.PayloadContract.Count);
    }

    [Theory]
    [MemberData(nameof(EventTypeData))]
    public void Sample_parses_and_names_its_type_everywhere(string eventType)
    {
        var sample = Samples.Event(eventType);

        Assert.Equal(eventType, sample.Detail.EventType);
        Assert.Equal(eventType, sample.DetailType);
        Assert.Equal(EventBridgeEvent.CurrentVersion, sample.Version);
        Assert.Equal(EventEnvelope.CurrentSchemaVersion, sample.Detail.SchemaVersion);
        Assert.Contains(sample.Detail.SourceModule, EventSources.Modules);
        Assert.Equal(EventSources.For(sample.Detail.SourceModule), sample.Source);
        Assert.Matches("^[0-9]{12}$", sample.Account);
        Assert.Empty(sample.Resources);
        Assert.Null(sample.ReplayName);
    }

    [Theory]
    [MemberData(nameof(EventTypeData))]
    public void Payload_reads_as_its_record_and_writes_back_the_same_json(string eventType)
    {
        var sample = Samples.Event(eventType);

        var (payload, json) = Samples.PayloadContract[eventType](sample.Detail);

        Assert.Equal(eventType, payload.GetType().Name);
        Assert.True(JsonNode.DeepEquals(Samples.Node(eventType)["detail"]!["payload"], json), $"{eventType} payload changed in a round trip: {json.ToJsonString()}");
    }

    [Theory]
    [MemberData(nameof(EventTypeData))]
    public void Whole_event_writes_back_the_same_json(string eventType)
    {
        var written = Samples.Event(eventType).ToJson();

        Assert.True(JsonNode.DeepEquals(Samples.Node(eventType), JsonNode.Parse(written)), $"{eventType} changed in a round trip: {written}");
    }

    [Theory]
    [MemberData(nameof(EventTypeData))]
    public void Create_reproduces_the_sample_from_its_envelope(string eventType)
    {
        var sample = Samples.Event(eventType);

        var created = EventBridgeEvent.Create(sample.Detail, sample.Source, sample.Account, sample.Region, sample.Id);

        Assert.True(JsonNode.DeepEquals(Samples.Node(eventType), JsonNode.Parse(created.ToJson())), created.ToJson());
    }

    [Fact]
    public void Samples_are_one_run_with_chained_causation()
    {
        var samples = Samples.All();
        var byId = samples.ToDictionary(s => s.Detail.EventId, StringComparer.Ordinal);

        Assert.All(samples, s => Assert.Equal(Samples.CorrelationId, s.Detail.CorrelationId));
        Assert.All(samples, s => Assert.StartsWith(Samples.CorrelationId + ":" + s.Detail.EventType, s.Detail.EventId, StringComparison.Ordinal));
        var root = Assert.Single(samples, s => s.Detail.CausationId is null);
        Assert.Equal(EventTypes.StrategyEvaluationRequested, root.Detail.EventType);
        foreach (var effect in samples.Where(s => s.Detail.CausationId is not null))
        {
            Assert.True(byId.TryGetValue(effect.Detail.CausationId!, out var cause), $"{effect.Detail.EventId} is caused by unknown {effect.Detail.CausationId}");
            Assert.True(cause.Detail.Timestamp < effect.Detail.Timestamp, $"{effect.Detail.EventId} is not later than its cause");
        }

        Assert.Equal(
            [EventTypes.StrategyEvaluationRequested, EventTypes.PartialSignalGenerated, EventTypes.SignalGenerated, EventTypes.RebalancePlanned, EventTypes.TradeExecuted],
            Chain(byId, Samples.Event(EventTypes.TradeExecuted).Detail));
    }

    [Fact]
    public void Sample_run_is_nuclear_tecl_klm_at_0_3_0_3_0_4_and_the_signal_is_their_weighted_sum()
    {
        var signal = Samples.Event(EventTypes.SignalGenerated).Detail.PayloadAs<SignalGenerated>();

        Assert.Equal(["nuclear", "tecl", "klm"], signal.Contributions.Select(c => c.StrategyId));
        Assert.Equal([0.3m, 0.3m, 0.4m], signal.Contributions.Select(c => c.AllocationWeight));
        Assert.Equal(1m, signal.Portfolio.Values.Sum());
        var expected = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var contribution in signal.Contributions)
        {
            Assert.Equal(1m, contribution.Allocation.Values.Sum());
            foreach (var (symbol, weight) in contribution.Allocation)
            {
                expected[symbol] = expected.GetValueOrDefault(symbol) + (contribution.EffectiveWeight * weight);
            }
        }

        Assert.Equal(expected.OrderBy(p => p.Key, StringComparer.Ordinal), signal.Portfolio.OrderBy(p => p.Key, StringComparer.Ordinal));
        var partial = Samples.Event(EventTypes.PartialSignalGenerated).Detail.PayloadAs<PartialSignalGenerated>();
        Assert.Equal(signal.Contributions.Single(c => c.StrategyId == partial.StrategyId).Allocation, partial.Allocation);
    }

    [Fact]
    public void Sample_plan_targets_the_signal_sells_first_and_the_fills_are_its_unblocked_trades()
    {
        var signal = Samples.Event(EventTypes.SignalGenerated).Detail.PayloadAs<SignalGenerated>();
        var plan = Samples.Event(EventTypes.RebalancePlanned).Detail.PayloadAs<RebalancePlanned>();
        var executed = Samples.Event(EventTypes.TradeExecuted).Detail.PayloadAs<TradeExecuted>();

        foreach (var row in plan.Comparison)
        {
            Assert.Equal(signal.Portfolio.GetValueOrDefault(row.Symbol), row.TargetWeight);
        }

        Assert.All(signal.Portfolio.Keys, symbol => Assert.Contains(plan.Comparison, row => row.Symbol == symbol));
        var sides = plan.Trades.Select(t => t.Side).ToList();
        Assert.Equal(sides.OrderBy(side => side == "sell" ? 0 : 1), sides);
        Assert.All(plan.Trades, t => Assert.Equal(t.Blocked, t.BlockReason is not null));
        Assert.Contains(plan.Trades, t => t.Blocked);
        var placed = plan.Trades.Where(t => !t.Blocked).Select(t => (t.Symbol, t.Side, t.Quantity));
        Assert.Equal(placed, executed.Fills.Select(f => (f.Symbol, f.Side, f.Quantity)));
        Assert.Equal(executed.Fills.Count, executed.OrdersPlaced);
        Assert.Equal(executed.OrdersPlaced, executed.OrdersFilled + executed.OrdersFailed);
    }

    private static List<string> Chain(Dictionary<string, EventBridgeEvent> byId, EventEnvelope last)
    {
        var chain = new List<string>();
        for (EventEnvelope? e = last; e is not null; e = e.CausationId is null ? null : byId[e.CausationId].Detail)
        {
            chain.Insert(0, e.EventType);
        }

        return chain;
    }
}
