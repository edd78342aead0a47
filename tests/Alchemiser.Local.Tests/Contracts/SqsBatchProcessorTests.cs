using System.Text.Json;
using System.Text.Json.Nodes;
using Alchemiser.Core.Events;
using Alchemiser.Core.Hosting;

namespace Alchemiser.Local.Tests.Contracts;

/// <summary>One bad record of an SQS batch is reported as that record's failure; the rest of the batch is handled.</summary>
public sealed class SqsBatchProcessorTests
{
    private const string QueueArn = "arn:aws:sqs:us-east-1:123456789012:alchemiser-dev-execution";
    private static readonly DateTimeOffset SentAt = new(2025, 6, 30, 19, 30, 12, TimeSpan.Zero);

    private static SqsMessage Message(string messageId, string body, int receiveCount = 1) =>
        SqsMessage.Create(messageId, body, QueueArn, receiveCount, SentAt, SentAt, "AIDAEXAMPLESENDER");

    private static string EventWithId(string eventId)
    {
        var node = Samples.Node(EventTypes.RebalancePlanned);
        node["detail"]!["event_id"] = eventId;
        return node.ToJsonString();
    }

    [Fact]
    public async Task Reports_exactly_the_records_whose_body_does_not_parse_or_whose_handler_throws()
    {
        var mismatched = Samples.Node(EventTypes.RebalancePlanned);
        mismatched["detail-type"] = EventTypes.SignalGenerated;
        var unknownMember = Samples.Node(EventTypes.RebalancePlanned);
        unknownMember["detail"]!["extra"] = true;
        var batch = new SqsBatch(
        [
            Message("m1-good", EventWithId("e1")),
            Message("m2-not-json", "RebalancePlanned for 2025-06-30"),
            Message("m3-bare-envelope", Samples.Event(EventTypes.RebalancePlanned).Detail.ToJson()),
            Message("m4-handler-throws", EventWithId("e4")),
            Message("m5-good", EventWithId("e5")),
            Message("m6-detail-type-mismatch", mismatched.ToJsonString()),
            Message("m7-unknown-envelope-member", unknownMember.ToJsonString()),
            Message("m8-good", EventWithId("e8")),
        ]);
        var handled = new List<string>();

        var response = await SqsBatchProcessor.ProcessAsync(
            batch,
            (envelope, cancellationToken) =>
            {
                handled.Add(envelope.EventId);
                return envelope.EventId == "e4" ? throw new InvalidOperationException("broker said no") : Task.CompletedTask;
            });

        Assert.Equal(["m2-not-json", "m3-bare-envelope", "m4-handler-throws", "m6-detail-type-mismatch", "m7-unknown-envelope-member"], response.FailedMessageIds);
        Assert.Equal(["e1", "e4", "e5", "e8"], handled);
    }

    [Fact]
    public async Task An_async_handler_failure_counts_like_a_synchronous_one()
    {
        var batch = new SqsBatch([Message("a", EventWithId("ea")), Message("b", EventWithId("eb"))]);

        var response = await SqsBatchProcessor.ProcessAsync(
            batch,
            async (envelope, cancellationToken) =>
            {
                await Task.Yield();
                if (envelope.EventId == "ea")
                {
                    throw new TimeoutException("fill not confirmed");
                }
            });

        Assert.Equal(["a"], response.FailedMessageIds);
    }

    [Fact]
    public async Task The_failure_observer_gets_each_failed_message_and_its_error()
    {
        var batch = new SqsBatch([Message("bad", "{"), Message("throws", EventWithId("e")), Message("ok", EventWithId("ok"))]);
        var observed = new List<(string MessageId, Type Error)>();

        var response = await SqsBatchProcessor.ProcessAsync(
            batch,
            (delivery, cancellationToken) => delivery.Envelope.EventId == "e" ? throw new ArgumentException("bad plan") : Task.CompletedTask,
            (message, error) => observed.Add((message.MessageId, error.GetType())));

        Assert.Equal(["bad", "throws"], response.FailedMessageIds);
        Assert.Equal([("bad", typeof(JsonException)), ("throws", typeof(ArgumentException))], observed);
    }

    [Fact]
    public async Task An_async_failure_observer_is_awaited_for_each_failed_record_before_the_next_is_handled()
    {
        var batch = new SqsBatch([Message("bad", "{"), Message("throws", EventWithId("e")), Message("ok", EventWithId("ok"))]);
        var seen = new List<string>();

        var response = await SqsBatchProcessor.ProcessAsync(
            batch,
            (delivery, cancellationToken) =>
            {
                seen.Add("handle " + delivery.Message.MessageId);
                return delivery.Envelope.EventId == "e" ? throw new ArgumentException("bad plan") : Task.CompletedTask;
            },
            onFailureAsync: async (message, error, cancellationToken) =>
            {
                await Task.Yield();
                seen.Add($"failed {message.MessageId} {error.GetType().Name}");
            });

        Assert.Equal(["bad", "throws"], response.FailedMessageIds);
        Assert.Equal(["failed bad JsonException", "handle throws", "failed throws ArgumentException", "handle ok"], seen);
    }

    [Fact]
    public async Task The_handler_sees_the_message_and_its_receive_count()
    {
        var batch = new SqsBatch([Message("m", EventWithId("e"), receiveCount: 3)]);
        SqsDelivery? seen = null;

        await SqsBatchProcessor.ProcessAsync(batch, (delivery, cancellationToken) => { seen = delivery; return Task.CompletedTask; }, onFailure: null);

        Assert.NotNull(seen);
        Assert.Equal("m", seen.Message.MessageId);
        Assert.Equal(3, seen.Message.ApproximateReceiveCount);
        Assert.Equal("e", seen.Envelope.EventId);
        Assert.Equal(EventTypes.RebalancePlanned, seen.Event.DetailType);
    }

    [Fact]
    public async Task After_cancellation_the_remaining_records_are_reported_without_being_handled()
    {
        using var cancellation = new CancellationTokenSource();
        var batch = new SqsBatch([Message("m1", EventWithId("e1")), Message("m2", EventWithId("e2")), Message("m3", EventWithId("e3"))]);
        var handled = new List<string>();

        var response = await SqsBatchProcessor.ProcessAsync(
            batch,
            async (envelope, cancellationToken) =>
            {
                handled.Add(envelope.EventId);
                await cancellation.CancelAsync();
            },
            cancellation.Token);

        Assert.Equal(["e1"], handled);
        Assert.Equal(["m2", "m3"], response.FailedMessageIds);
    }

    [Fact]
    public async Task A_batch_that_all_succeeds_reports_no_failures()
    {
        var batch = new SqsBatch([Message("m1", EventWithId("e1")), Message("m2", EventWithId("e2"))]);

        var response = await SqsBatchProcessor.ProcessAsync(batch, (envelope, cancellationToken) => Task.CompletedTask);

        Assert.Equal("{\"batchItemFailures\":[]}", response.ToJson());
    }

    [Fact]
    public void Partial_batch_response_has_lambdas_shape()
    {
        var response = new SqsBatchResponse([new SqsBatchItemFailure("059f36b4-1"), new SqsBatchItemFailure("2e1424d4-2")]);

        Assert.Equal("{\"batchItemFailures\":[{\"itemIdentifier\":\"059f36b4-1\"},{\"itemIdentifier\":\"2e1424d4-2\"}]}", response.ToJson());
        Assert.Equal(response.FailedMessageIds, SqsBatchResponse.FromJson(response.ToJson()).FailedMessageIds);
    }

    [Fact]
    public void Sqs_batch_tolerates_attributes_aws_adds_and_requires_its_own_members()
    {
        var node = JsonNode.Parse(Samples.FunctionText("Execution.sqs.json"))!.AsObject();
        var record = node["Records"]![0]!.AsObject();
        record["attributes"]!["AWSTraceHeader"] = "Root=1-685f3f84-0e1d4b5a6c7d8e9f0a1b2c3d";
        record["md5OfMessageAttributes"] = null;
        record["someFutureField"] = 1;
        Assert.Equal("Root=1-685f3f84-0e1d4b5a6c7d8e9f0a1b2c3d", SqsBatch.FromJson(node.ToJsonString()).Records[0].Attributes["AWSTraceHeader"]);

        record.Remove("messageId");
        var error = Assert.Throws<JsonException>(() => SqsBatch.FromJson(node.ToJsonString()));
        Assert.Contains("messageId", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Receive_count_is_null_when_sqs_did_not_say()
    {
        var message = Message("m", "{}") with { Attributes = new Dictionary<string, string>(StringComparer.Ordinal) { ["ApproximateReceiveCount"] = "two" } };
        Assert.Null(message.ApproximateReceiveCount);
        Assert.Null((message with { Attributes = new Dictionary<string, string>(StringComparer.Ordinal) }).ApproximateReceiveCount);
    }
}
