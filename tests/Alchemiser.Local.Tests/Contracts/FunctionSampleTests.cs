using System.Text.Json.Nodes;
using Alchemiser.Core.Events;
using Alchemiser.Core.Hosting;

namespace Alchemiser.Local.Tests.Contracts;

/// <summary><c>events/functions/</c>: the request each function receives, in the shape its trigger delivers.</summary>
public sealed class FunctionSampleTests
{
    private const string QueueArn = "arn:aws:sqs:us-east-1:123456789012:alchemiser-dev-execution";

    public static TheoryData<string, string> EventBridgeTriggered() => new()
    {
        { "StrategyWorker.json", EventTypes.StrategyEvaluationRequested },
        { "SignalAggregator.json", EventTypes.PartialSignalGenerated },
        { "Portfolio.json", EventTypes.SignalGenerated },
        { "Notifications.json", EventTypes.TradeExecuted },
    };

    [Fact]
    public void There_is_one_request_per_function()
    {
        var files = Directory.GetFiles(Samples.FunctionsDirectory).Select(Path.GetFileName).Order(StringComparer.Ordinal);

        Assert.Equal(
            ["Execution.sqs.json", "Notifications.json", "Portfolio.json", "SignalAggregator.json", "StrategyOrchestrator.schedule.json", "StrategyWorker.json"],
            files);
    }

    [Theory]
    [MemberData(nameof(EventBridgeTriggered))]
    public void EventBridge_triggered_function_gets_the_event_sample_of_its_type(string file, string eventType)
    {
        var text = Samples.FunctionText(file);

        var request = EventBridgeEvent.FromJson(text);

        Assert.Equal(eventType, request.DetailType);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(text), Samples.Node(eventType)), $"{file} drifted from events/{eventType}.json");
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(text), JsonNode.Parse(request.ToJson())));
    }

    [Fact]
    public void Orchestrator_gets_the_schedule_input_of_the_dev_stage()
    {
        var text = Samples.FunctionText("StrategyOrchestrator.schedule.json");

        var input = ScheduleInput.FromJson(text);

        Assert.Equal(new ScheduleInput("dev", null, false, "schedule"), input);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(text), JsonNode.Parse(input.ToJson())));
    }

    [Fact]
    public void Execution_gets_an_sqs_batch_of_two_rebalance_planned_events()
    {
        var text = Samples.FunctionText("Execution.sqs.json");

        var batch = SqsBatch.FromJson(text);

        Assert.Equal(2, batch.Records.Count);
        Assert.Equal(batch.Records.Count, batch.Records.Select(r => r.MessageId).Distinct(StringComparer.Ordinal).Count());
        foreach (var record in batch.Records)
        {
            Assert.Equal(SqsMessage.SqsEventSource, record.EventSource);
            Assert.Equal(QueueArn, record.EventSourceArn);
            Assert.Equal("us-east-1", record.AwsRegion);
            Assert.Equal(SqsMessage.ComputeMd5OfBody(record.Body), record.Md5OfBody);
            Assert.Equal(1, record.ApproximateReceiveCount);
            Assert.Empty(record.MessageAttributes);
            Assert.Null(record.Md5OfMessageAttributes);
            var body = record.ReadEventBridgeEvent();
            Assert.Equal(EventTypes.RebalancePlanned, body.DetailType);
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(record.Body), Samples.Node(EventTypes.RebalancePlanned)), "the body drifted from events/RebalancePlanned.json");
        }

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(text), JsonNode.Parse(batch.ToJson())));
    }

    [Fact]
    public async Task Execution_sample_processes_both_records_and_the_handler_sees_one_event_id_twice()
    {
        var batch = SqsBatch.FromJson(Samples.FunctionText("Execution.sqs.json"));
        var seen = new List<(string EventId, int Trades)>();

        var response = await SqsBatchProcessor.ProcessAsync(
            batch,
            (envelope, cancellationToken) =>
            {
                seen.Add((envelope.EventId, envelope.PayloadAs<RebalancePlanned>().Trades.Count));
                return Task.CompletedTask;
            });

        Assert.Empty(response.BatchItemFailures);
        Assert.Equal([(Samples.CorrelationId + ":RebalancePlanned", 8), (Samples.CorrelationId + ":RebalancePlanned", 8)], seen);
    }

    [Fact]
    public void SqsMessage_Create_builds_what_sqs_hands_to_lambda()
    {
        var body = Samples.Text(EventTypes.RebalancePlanned);
        var sent = new DateTimeOffset(2025, 6, 30, 19, 30, 12, 140, TimeSpan.Zero);

        var message = SqsMessage.Create("m-1", body, QueueArn, 2, sent, sent.AddMilliseconds(23), "AIDAEXAMPLESENDER");

        Assert.Equal(2, message.ApproximateReceiveCount);
        Assert.Equal("1751311812140", message.Attributes["SentTimestamp"]);
        Assert.Equal("1751311812163", message.Attributes["ApproximateFirstReceiveTimestamp"]);
        Assert.Equal("AIDAEXAMPLESENDER", message.Attributes["SenderId"]);
        Assert.Equal("us-east-1", message.AwsRegion);
        Assert.Equal(SqsMessage.ComputeMd5OfBody(body), message.Md5OfBody);
        Assert.Equal(EventTypes.RebalancePlanned, message.ReadEventBridgeEvent().DetailType);
        Assert.Throws<ArgumentException>(() => SqsMessage.Create("m-2", body, "arn:aws:sns:us-east-1:123456789012:topic", 1, sent, sent, "x"));
        Assert.Throws<ArgumentOutOfRangeException>(() => SqsMessage.Create("m-3", body, QueueArn, 0, sent, sent, "x"));
    }

    [Theory]
    [InlineData("", "d41d8cd98f00b204e9800998ecf8427e")]
    [InlineData("The quick brown fox jumps over the lazy dog", "9e107d9d372bb6826bd81d3542a419d6")]
    public void Md5_of_body_is_lower_case_hex_md5_of_utf8(string body, string expected)
    {
        Assert.Equal(expected, SqsMessage.ComputeMd5OfBody(body));
    }
}
