using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Alchemiser.Core.Errors;
using Alchemiser.Core.Events;
using Alchemiser.Core.Hosting;

namespace Alchemiser.Local.Tests.Contracts;

/// <summary>Requests read from and responses written to the streams of a <c>Task&lt;Stream&gt; HandleAsync(Stream)</c> handler.</summary>
public sealed class LambdaStreamsTests
{
    private static MemoryStream Request(string text) => new(Encoding.UTF8.GetBytes(text));

    private static async Task<ConfigurationException> FailsAsync(Func<Task> read)
    {
        var error = await Assert.ThrowsAsync<ConfigurationException>(read);
        Assert.Equal(ErrorCategory.Configuration, error.Category);
        Assert.False(string.IsNullOrWhiteSpace(error.RemediationHint));
        Assert.DoesNotContain('\n', error.Message);
        return error;
    }

    [Fact]
    public async Task Every_sample_request_reads_through_its_functions_reader()
    {
        foreach (var eventType in EventTypes.All)
        {
            using var stream = Request(Samples.Text(eventType));
            Assert.Equal(eventType, (await LambdaStreams.ReadEventBridgeEventAsync(stream)).DetailType);
        }

        using var batch = Request(Samples.FunctionText("Execution.sqs.json"));
        Assert.Equal(2, (await LambdaStreams.ReadSqsBatchAsync(batch)).Records.Count);
        using var schedule = Request(Samples.FunctionText("StrategyOrchestrator.schedule.json"));
        Assert.Equal("dev", (await LambdaStreams.ReadScheduleInputAsync(schedule)).Stage);
    }

    [Fact]
    public async Task A_byte_order_mark_is_accepted()
    {
        using var stream = new MemoryStream([.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes("{\"stage\":\"dev\"}")]);

        Assert.Equal("dev", (await LambdaStreams.ReadScheduleInputAsync(stream)).Stage);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \n ")]
    public async Task An_empty_request_says_so_and_what_was_expected(string text)
    {
        using var stream = Request(text);

        var error = await FailsAsync(() => LambdaStreams.ReadEventBridgeEventAsync(stream));

        Assert.Contains("empty", error.Message, StringComparison.Ordinal);
        Assert.Contains(LambdaStreams.EventBridgeEventDescription, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_request_quotes_only_its_first_200_characters_on_one_line()
    {
        var text = "not json\r\n" + new string('x', 190) + "TAIL-AFTER-200" + new string('y', 500);
        using var stream = Request(text);

        var error = await FailsAsync(() => LambdaStreams.ReadSqsBatchAsync(stream));

        Assert.Contains(LambdaStreams.SqsBatchDescription, error.Message, StringComparison.Ordinal);
        Assert.Contains("not json  " + new string('x', 190) + "…", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("TAIL", error.Message, StringComparison.Ordinal);
        Assert.Null(error.InnerException);
    }

    [Fact]
    public async Task A_json_error_that_quotes_the_request_is_cut_too()
    {
        var literal = "tru" + new string('x', 400) + "LEAK";
        using var stream = Request("{\"Records\": [{\"messageId\": " + literal + "}]}");

        var error = await FailsAsync(() => LambdaStreams.ReadSqsBatchAsync(stream));

        Assert.DoesNotContain("LEAK", error.Message, StringComparison.Ordinal);
        Assert.Contains("Path: $.Records[0].messageId", error.Message, StringComparison.Ordinal);
        Assert.True(error.Message.Length < 800, error.Message);
    }

    [Fact]
    public async Task A_short_bad_request_is_quoted_whole_without_an_ellipsis()
    {
        using var stream = Request("{\"stage\": \"dev\", \"when\": \"now\"}");

        var error = await FailsAsync(() => LambdaStreams.ReadScheduleInputAsync(stream));

        Assert.EndsWith("The request starts with: {\"stage\": \"dev\", \"when\": \"now\"}", error.Message, StringComparison.Ordinal);
        Assert.Contains("'when'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_wrong_trigger_shape_names_what_was_expected_and_what_is_missing()
    {
        using var envelopeOnly = Request(Samples.Event(EventTypes.SignalGenerated).Detail.ToJson());
        var error = await FailsAsync(() => LambdaStreams.ReadEventBridgeEventAsync(envelopeOnly));
        Assert.StartsWith("the request is not " + LambdaStreams.EventBridgeEventDescription, error.Message, StringComparison.Ordinal);
        Assert.Contains("detail-type", error.Message, StringComparison.Ordinal);

        using var batchToScheduler = Request(Samples.FunctionText("Execution.sqs.json"));
        error = await FailsAsync(() => LambdaStreams.ReadScheduleInputAsync(batchToScheduler));
        Assert.StartsWith("the request is not " + LambdaStreams.ScheduleInputDescription, error.Message, StringComparison.Ordinal);
        Assert.Contains("'Records'", error.Message, StringComparison.Ordinal);

        using var eventToQueueHandler = Request(Samples.Text(EventTypes.RebalancePlanned));
        error = await FailsAsync(() => LambdaStreams.ReadSqsBatchAsync(eventToQueueHandler));
        Assert.Contains("Records", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_generic_reader_names_the_expected_type_and_rejects_json_null()
    {
        using var stream = Request("null");

        var error = await FailsAsync(() => LambdaStreams.ReadAsync(stream, AwsTriggerJsonContext.Default.SqsBatchResponse, "a partial batch response"));

        Assert.StartsWith("the request is not a partial batch response", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_stream_is_left_open_for_the_caller()
    {
        using var stream = Request("{\"stage\":\"dev\"}");

        await LambdaStreams.ReadScheduleInputAsync(stream);

        Assert.True(stream.CanRead);
    }

    [Fact]
    public void A_response_is_written_as_json_from_the_start_of_a_memory_stream()
    {
        using var written = LambdaStreams.WriteSqsBatchResponse(new SqsBatchResponse([new SqsBatchItemFailure("m-7")]));

        Assert.Equal(0, written.Position);
        Assert.Equal("{\"batchItemFailures\":[{\"itemIdentifier\":\"m-7\"}]}", new StreamReader(written).ReadToEnd());
    }

    [Fact]
    public async Task An_event_written_and_read_back_is_unchanged()
    {
        var sample = Samples.Event(EventTypes.TradeExecuted);

        using var written = LambdaStreams.Write(sample, AwsTriggerJsonContext.Default.EventBridgeEvent);
        var read = await LambdaStreams.ReadEventBridgeEventAsync(written);

        Assert.True(JsonNode.DeepEquals(Samples.Node(EventTypes.TradeExecuted), JsonNode.Parse(read.ToJson())));
    }
}
