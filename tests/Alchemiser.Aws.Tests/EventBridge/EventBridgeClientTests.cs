using System.Net;
using System.Text.Json;
using Alchemiser.Aws.EventBridge;
using Alchemiser.Aws.Tests.Support;

namespace Alchemiser.Aws.Tests.EventBridge;

public sealed class EventBridgeClientTests
{
    private static EventBridgeEntry Entry(int i) =>
        new($"run-1:Event:{i}", "alchemiser-bus", "alchemiser.portfolio", "RebalancePlanned", $"{{\"n\":{i}}}");

    private static string[] SentDetails(RecordedRequest request) =>
        JsonDocument.Parse(request.Body).RootElement.GetProperty("Entries").EnumerateArray()
            .Select(e => e.GetProperty("Detail").GetString()!).ToArray();

    [Fact]
    public async Task Twenty_three_entries_go_out_in_calls_of_ten_ten_and_three()
    {
        var handler = new ScriptedHandler();
        for (var i = 0; i < 3; i++)
        {
            handler.Respond(HttpStatusCode.OK, "{\"FailedEntryCount\":0,\"Entries\":[]}");
        }

        await new EventBridgeClient(TestClients.Over(handler)).PutEventsAsync(Enumerable.Range(0, 23).Select(Entry).ToList());

        Assert.Equal([10, 10, 3], handler.Requests.Select(r => SentDetails(r).Length));
        Assert.All(handler.Requests, r => Assert.Equal("AWSEvents.PutEvents", r.Headers["X-Amz-Target"]));
        var first = JsonDocument.Parse(handler.Requests[0].Body).RootElement.GetProperty("Entries")[0];
        Assert.Equal("alchemiser.portfolio", first.GetProperty("Source").GetString());
        Assert.Equal("RebalancePlanned", first.GetProperty("DetailType").GetString());
        Assert.Equal("alchemiser-bus", first.GetProperty("EventBusName").GetString());
    }

    [Fact]
    public async Task Only_the_refused_entries_are_sent_again()
    {
        var handler = new ScriptedHandler()
            .Respond(HttpStatusCode.OK, "{\"FailedEntryCount\":2,\"Entries\":[{\"EventId\":\"a\"},{\"ErrorCode\":\"InternalFailure\",\"ErrorMessage\":\"x\"},{\"EventId\":\"c\"},{\"ErrorCode\":\"ThrottlingException\"}]}")
            .Respond(HttpStatusCode.OK, "{\"FailedEntryCount\":0,\"Entries\":[{\"EventId\":\"b\"},{\"EventId\":\"d\"}]}");

        await new EventBridgeClient(TestClients.Over(handler)).PutEventsAsync([Entry(0), Entry(1), Entry(2), Entry(3)]);

        Assert.Equal(2, handler.Requests.Count);
        Assert.Equal(["{\"n\":1}", "{\"n\":3}"], SentDetails(handler.Requests[1]));
    }

    [Fact]
    public async Task Entries_still_refused_after_the_bounded_retries_are_named_by_event_id()
    {
        const string refused = "{\"FailedEntryCount\":1,\"Entries\":[{\"EventId\":\"a\"},{\"ErrorCode\":\"InternalFailure\",\"ErrorMessage\":\"busy\"}]}";
        const string stillRefused = "{\"FailedEntryCount\":1,\"Entries\":[{\"ErrorCode\":\"InternalFailure\",\"ErrorMessage\":\"busy\"}]}";
        var handler = new ScriptedHandler().Respond(HttpStatusCode.OK, refused).Respond(HttpStatusCode.OK, stillRefused).Respond(HttpStatusCode.OK, stillRefused);

        var error = await Assert.ThrowsAsync<PutEventsFailedException>(() =>
            new EventBridgeClient(TestClients.Over(handler), failedEntryRetries: 2).PutEventsAsync([Entry(0), Entry(1)]));

        Assert.Equal(3, handler.Requests.Count);
        Assert.Equal(["run-1:Event:1"], error.FailedIds);
        Assert.Equal("InternalFailure", error.ErrorCode);
        Assert.Contains("run-1:Event:1", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("run-1:Event:0", error.Message, StringComparison.Ordinal);
    }
}
