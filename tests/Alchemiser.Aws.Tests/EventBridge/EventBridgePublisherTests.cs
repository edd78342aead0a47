using System.Net;
using System.Text.Json;
using Alchemiser.Aws.EventBridge;
using Alchemiser.Aws.Tests.Support;
using Alchemiser.Core.Events;
using Alchemiser.Core.Hosting;

namespace Alchemiser.Aws.Tests.EventBridge;

public sealed class EventBridgePublisherTests
{
    [Fact]
    public async Task An_envelope_goes_out_with_the_module_source_the_event_type_and_the_envelope_as_detail()
    {
        var envelope = new EventEnvelope(
            "run-7:WorkflowCompleted", "WorkflowCompleted", "run-7", "run-7:TradeExecuted",
            new DateTimeOffset(2025, 3, 3, 20, 31, 0, TimeSpan.Zero), EventSources.Execution, "ExecutionHandler", 1,
            JsonDocument.Parse("{\"orders\":2}").RootElement);
        var handler = new ScriptedHandler().Respond(HttpStatusCode.OK, "{\"FailedEntryCount\":0,\"Entries\":[{\"EventId\":\"e\"}]}");

        await new EventBridgePublisher(new EventBridgeClient(TestClients.Over(handler)), "alchemiser-dev").PublishAsync([envelope]);

        var entry = JsonDocument.Parse(Assert.Single(handler.Requests).Body).RootElement.GetProperty("Entries")[0];
        Assert.Equal("alchemiser.execution", entry.GetProperty("Source").GetString());
        Assert.Equal("WorkflowCompleted", entry.GetProperty("DetailType").GetString());
        Assert.Equal("alchemiser-dev", entry.GetProperty("EventBusName").GetString());
        Assert.Equal(envelope.ToJson(), entry.GetProperty("Detail").GetString());
    }
}
