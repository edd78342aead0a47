using System.Text.Json;
using Alchemiser.Aws.EventBridge;
using Alchemiser.Aws.IntegrationTests.Support;
using Alchemiser.Aws.Sqs;
using Alchemiser.Core.Events;
using Alchemiser.Core.Hosting;

namespace Alchemiser.Aws.IntegrationTests.EventBridge;

[Trait("Category", "Integration")]
[Collection(MotoCollection.Name)]
public sealed class EventBridgeTests(MotoServer moto)
{
    private readonly EventBridgeClient _events = new(MotoAws.Client(moto));
    private readonly SqsClient _sqs = new(MotoAws.Client(moto));

    [Fact]
    public async Task A_published_envelope_is_delivered_by_a_rule_to_its_queue_as_an_EventBridge_event()
    {
        var bus = MotoAws.UniqueName("bus");
        await _events.CreateEventBusAsync(bus);
        var queue = await _sqs.CreateQueueAsync(MotoAws.UniqueName("execution"));
        var queueArn = (await _sqs.GetQueueAttributesAsync(queue, ["QueueArn"]))["QueueArn"];
        var rule = MotoAws.UniqueName("rebalance");
        await _events.PutRuleAsync(rule, bus, "{\"source\":[\"alchemiser.portfolio\"],\"detail-type\":[\"RebalancePlanned\"]}");
        await _events.PutTargetAsync(rule, bus, "execution-queue", queueArn);
        var planned = Envelope("run-3:RebalancePlanned", "RebalancePlanned", EventSources.Portfolio);
        var unrouted = Envelope("run-3:SignalGenerated", "SignalGenerated", EventSources.SignalAggregator);

        await new EventBridgePublisher(_events, bus).PublishAsync([unrouted, planned]);

        var delivered = Assert.Single(await _sqs.ReceiveMessagesAsync(queue, waitSeconds: 1));
        // moto leaves "account" out of events it delivers to SQS (AWS writes it), so the shape is read member by member
        // here rather than through the strict EventBridgeEvent.FromJson.
        var received = JsonDocument.Parse(delivered.Body).RootElement;
        Assert.Equal("alchemiser.portfolio", received.GetProperty("source").GetString());
        Assert.Equal("RebalancePlanned", received.GetProperty("detail-type").GetString());
        Assert.Equal(planned.ToJson(), EventEnvelope.FromJson(received.GetProperty("detail").GetRawText()).ToJson());
    }

    private static EventEnvelope Envelope(string id, string type, string module) =>
        new(id, type, "run-3", null, new DateTimeOffset(2025, 3, 3, 20, 31, 5, TimeSpan.Zero), module, "IntegrationTest", 1, JsonDocument.Parse("{\"n\":1}").RootElement);
}
