using System.Text.Json;
using System.Text.Json.Nodes;
using Alchemiser.Core.Events;
using Alchemiser.Core.Hosting;

namespace Alchemiser.Local.Tests.Contracts;

/// <summary>AWS's EventBridge event around our envelope: creation, ids, time, and what is tolerated or rejected.</summary>
public sealed class EventBridgeEventTests
{
    private static EventEnvelope Envelope(string eventId, DateTimeOffset timestamp) =>
        EventEnvelope.Create(
            new WorkflowCompleted(new DateOnly(2025, 6, 30), "skipped", "market holiday", null),
            eventId,
            "run-1",
            null,
            timestamp,
            EventSources.StrategyOrchestrator,
            "RunStarter");

    [Fact]
    public void Create_wraps_the_envelope_as_eventbridge_delivers_it()
    {
        var timestamp = new DateTimeOffset(2025, 6, 30, 15, 30, 1, 999, TimeSpan.FromHours(-4));
        var envelope = Envelope("run-1:WorkflowCompleted", timestamp);

        var created = EventBridgeEvent.Create(envelope, EventSources.For(EventSources.StrategyOrchestrator));

        Assert.Equal("0", created.Version);
        Assert.Equal(EventTypes.WorkflowCompleted, created.DetailType);
        Assert.Equal("alchemiser.strategy_orchestrator", created.Source);
        Assert.Equal(EventBridgeEvent.LocalAccount, created.Account);
        Assert.Equal(EventBridgeEvent.LocalRegion, created.Region);
        Assert.Empty(created.Resources);
        Assert.Same(envelope, created.Detail);
        Assert.Equal(new DateTimeOffset(2025, 6, 30, 19, 30, 1, TimeSpan.Zero), created.Time);
        Assert.Equal(TimeSpan.Zero, created.Time.Offset);
        Assert.Equal("2025-06-30T19:30:01Z", JsonNode.Parse(created.ToJson())!["time"]!.GetValue<string>());
    }

    [Fact]
    public void Id_is_a_version_8_uuid_fixed_by_the_event_id()
    {
        var at = new DateTimeOffset(2025, 6, 30, 19, 30, 0, TimeSpan.Zero);
        var first = EventBridgeEvent.Create(Envelope("run-1:A", at), "alchemiser.portfolio");
        var again = EventBridgeEvent.Create(Envelope("run-1:A", at.AddMinutes(5)), "alchemiser.portfolio");
        var other = EventBridgeEvent.Create(Envelope("run-1:B", at), "alchemiser.portfolio");

        Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", first.Id);
        Assert.Equal(first.Id, again.Id);
        Assert.NotEqual(first.Id, other.Id);
        Assert.Equal("given-id", EventBridgeEvent.Create(Envelope("run-1:A", at), "alchemiser.portfolio", id: "given-id").Id);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("aws.events")]
    public void Create_rejects_an_empty_or_aws_reserved_source(string source)
    {
        Assert.ThrowsAny<ArgumentException>(() => EventBridgeEvent.Create(Envelope("e", DateTimeOffset.UnixEpoch), source));
    }

    [Fact]
    public void Event_sources_are_alchemiser_dot_module()
    {
        Assert.Equal(
            ["alchemiser.strategy_orchestrator", "alchemiser.strategy_worker", "alchemiser.signal_aggregator", "alchemiser.portfolio", "alchemiser.execution", "alchemiser.notifications"],
            EventSources.Modules.Select(EventSources.For));
        Assert.Throws<ArgumentException>(() => EventSources.For("Portfolio"));
    }

    [Fact]
    public void Detail_type_must_match_the_envelope_event_type()
    {
        var node = Samples.Node(EventTypes.SignalGenerated);
        node["detail-type"] = EventTypes.RebalancePlanned;

        var error = Assert.Throws<JsonException>(() => EventBridgeEvent.FromJson(node.ToJsonString()));

        Assert.Contains("'RebalancePlanned'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'SignalGenerated'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("version")]
    [InlineData("id")]
    [InlineData("detail-type")]
    [InlineData("source")]
    [InlineData("account")]
    [InlineData("time")]
    [InlineData("region")]
    [InlineData("resources")]
    [InlineData("detail")]
    public void Every_eventbridge_member_is_required(string member)
    {
        var node = Samples.Node(EventTypes.WorkflowCompleted);
        Assert.True(node.Remove(member));

        var error = Assert.Throws<JsonException>(() => EventBridgeEvent.FromJson(node.ToJsonString()));

        Assert.Contains(member, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Members_aws_adds_to_its_own_shape_are_ignored_and_replay_name_is_kept()
    {
        var node = Samples.Node(EventTypes.WorkflowCompleted);
        node["replay-name"] = "alchemiser-archive-replay-1";
        node["some-future-aws-field"] = new JsonObject { ["x"] = 1 };

        var parsed = EventBridgeEvent.FromJson(node.ToJsonString());

        Assert.Equal("alchemiser-archive-replay-1", parsed.ReplayName);
        Assert.Equal("alchemiser-archive-replay-1", JsonNode.Parse(parsed.ToJson())!["replay-name"]!.GetValue<string>());
        Assert.Null(JsonNode.Parse(parsed.ToJson())!["some-future-aws-field"]);
    }

    [Theory]
    [InlineData("2025-06-30T21:30:12+02:00", "2025-06-30T19:30:12Z")]
    [InlineData("2025-06-30T19:30:12.5Z", "2025-06-30T19:30:12Z")]
    public void Time_is_read_as_any_iso_instant_and_written_as_aws_writes_it(string time, string written)
    {
        var node = Samples.Node(EventTypes.WorkflowCompleted);
        node["time"] = time;

        var parsed = EventBridgeEvent.FromJson(node.ToJsonString());

        Assert.Equal(DateTimeOffset.Parse(time, System.Globalization.CultureInfo.InvariantCulture), parsed.Time);
        Assert.Equal(written, JsonNode.Parse(parsed.ToJson())!["time"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("\"30/06/2025 19:30\"")]
    [InlineData("1751311812")]
    public void Time_that_is_not_an_iso_instant_is_rejected(string time)
    {
        var text = Samples.Text(EventTypes.WorkflowCompleted).Replace("\"2025-06-30T19:31:48Z\"", time, StringComparison.Ordinal);
        Assert.NotEqual(Samples.Text(EventTypes.WorkflowCompleted), text);

        Assert.Throws<JsonException>(() => EventBridgeEvent.FromJson(text));
    }
}
