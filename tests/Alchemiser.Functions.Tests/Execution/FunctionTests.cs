using System.Text;
using System.Text.Json;
using Alchemiser.Core.Events;
using Alchemiser.Core.Hosting;
using Alchemiser.Core.Logging;
using Alchemiser.Execution;
using Alchemiser.Functions.Tests.Execution.Support;
using static Alchemiser.Functions.Tests.Execution.Support.ExecutionScenario;

namespace Alchemiser.Functions.Tests.Execution;

/// <summary>The Lambda entry point: an SQS batch in, each record executed, the partial batch response out.</summary>
public sealed class FunctionTests
{
    private const string QueueArn = "arn:aws:sqs:us-east-1:123456789012:alchemiser-dev-execution";
    private readonly ExecutionScenario _run = new();
    private readonly InMemoryLogSink _logs = new();

    private Function Function() => new(_run.Service(), new JsonLinesLog(_logs, clock: _run.Clock));

    private SqsMessage Message(string messageId, string body, int receiveCount) =>
        SqsMessage.Create(messageId, body, QueueArn, receiveCount, _run.Clock.UtcNow, _run.Clock.UtcNow, "AIDAEXAMPLESENDER");

    private static string Body(EventEnvelope plan) => EventBridgeEvent.Create(plan, "alchemiser.portfolio").ToJson();

    private async Task<SqsBatchResponse> HandleAsync(params SqsMessage[] records)
    {
        using var input = new MemoryStream(Encoding.UTF8.GetBytes(new SqsBatch(records).ToJson()));
        using var output = await Function().HandleAsync(input);
        using var reader = new StreamReader(output);
        return SqsBatchResponse.FromJson(await reader.ReadToEndAsync());
    }

    [Fact]
    public async Task The_sample_batch_executes_the_plan_once_although_it_arrives_twice()
    {
        var batch = SqsBatch.FromJson(File.ReadAllText(RepositoryFile("events", "functions", "Execution.sqs.json")));
        foreach (var (symbol, bid, ask) in new[] { ("TECL", 86.30m, 86.40m), ("SOXL", 24.70m, 24.80m), ("SPY", 617.70m, 617.90m), ("URA", 36.10m, 36.30m), ("CCJ", 73.00m, 73.10m), ("NLR", 105.20m, 105.40m), ("BIL", 91.60m, 91.70m) })
        {
            _run.Quote(symbol, bid, ask);
        }

        _run.Broker.Hold("TECL", 175m);
        _run.Broker.Hold("SOXL", 403m);
        _run.Broker.Hold("SPY", 6m);
        using var input = new MemoryStream(Encoding.UTF8.GetBytes(batch.ToJson()));

        using var output = await Function().HandleAsync(input);

        using var reader = new StreamReader(output);
        Assert.Equal("{\"batchItemFailures\":[]}", await reader.ReadToEndAsync());
        Assert.Equal(7 * 4, _run.Broker.Orders.Count); // 7 unblocked trades, each walked to market once; XLE is blocked
        Assert.Empty(_run.Broker.OrdersOf("XLE"));
        var executed = _run.Events.OfType(EventTypes.TradeExecuted);
        Assert.Equal(2, executed.Count);
        Assert.Equal(executed[0].Payload.GetRawText(), executed[1].Payload.GetRawText());
        Assert.Equal(2, _logs.Lines.Count(l => l.Contains("\"rebalance executed\"", StringComparison.Ordinal)));
        Assert.All(_logs.Lines, l => Assert.Contains("\"function\":\"Execution\"", l, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_poisoned_record_is_reported_as_failed_and_the_rest_of_the_batch_is_handled()
    {
        _run.Quote("URA", 36.00m, 36.20m);
        _run.Broker.FillOnPlacement("URA", "1");
        var plan = Body(_run.Plan(Buy("URA", 10m, 36.10m)));

        var response = await HandleAsync(Message("m-1", plan, 1), Message("m-2", "RebalancePlanned for 2025-06-30", 1), Message("m-3", plan, 1));

        Assert.Equal(["m-2"], response.FailedMessageIds);
        Assert.Single(_run.Broker.Orders);
        Assert.Empty(_run.Events.OfType(EventTypes.WorkflowFailed));
        Assert.Contains(_logs.Lines, l => l.Contains("the queue will redeliver the message", StringComparison.Ordinal) && l.Contains("\"correlation_id\":\"m-2\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_poisoned_record_on_its_last_receive_ends_the_run_with_workflow_failed_under_its_message_id()
    {
        var response = await HandleAsync(Message("m-poison", "{\"version\":\"0\"", 3));

        Assert.Equal(["m-poison"], response.FailedMessageIds);
        var failed = Assert.Single(_run.Events.Published);
        Assert.Equal(("m-poison:WorkflowFailed", "m-poison", (string?)null, "execution"), (failed.EventId, failed.CorrelationId, failed.CausationId, failed.SourceModule));
        var payload = failed.PayloadAs<WorkflowFailed>();
        Assert.Equal((TradingDate, (string?)null, "trading", "execution", DeadLetterFailure.RemediationHint), (payload.TradingDate, payload.SessionId, payload.Category, payload.FailedStep, payload.RemediationHint));
        Assert.StartsWith("message m-poison failed on receive 3 of 3 and goes to the ExecutionDLQ: ", payload.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', payload.Reason);
        Assert.Contains(_logs.Lines, l => l.Contains("moves it to the ExecutionDLQ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_plan_that_fails_on_its_last_receive_ends_its_run_with_workflow_failed_in_the_errors_category()
    {
        var plan = _run.Plan(Buy("URA", 10m, 36.10m) with { Side = "hold" });

        var response = await HandleAsync(Message("m-bad-plan", Body(plan), 3));

        Assert.Equal(["m-bad-plan"], response.FailedMessageIds);
        Assert.Empty(_run.Broker.Orders);
        var failed = Assert.Single(_run.Events.Published);
        Assert.Equal(($"{CorrelationId}:WorkflowFailed", CorrelationId, (string?)PlanEventId), (failed.EventId, failed.CorrelationId, failed.CausationId));
        var payload = failed.PayloadAs<WorkflowFailed>();
        Assert.Equal(("data", "test:2025-06-30", TradingDate), (payload.Category, payload.SessionId, payload.TradingDate));
        Assert.Contains("has side 'hold'", payload.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_record_that_fails_before_its_last_receive_publishes_nothing_and_is_redelivered()
    {
        _run.Quote("URA", 36.00m, 36.20m);
        _run.Broker.LeaveMarketOrdersOpen("URA");

        var response = await HandleAsync(Message("m-halted", Body(_run.Plan(Buy("URA", 10m, 36.10m))), 2));

        Assert.Equal(["m-halted"], response.FailedMessageIds);
        Assert.Empty(_run.Events.Published);
        var error = JsonDocument.Parse(_logs.Lines.Single(l => l.Contains("\"level\":\"ERROR\"", StringComparison.Ordinal))).RootElement;
        Assert.Equal(("Trading", CorrelationId, 2), (error.GetProperty("error_category").GetString(), error.GetProperty("correlation_id").GetString(), error.GetProperty("receive_count").GetInt32()));
    }

    private static string RepositoryFile(params string[] parts)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Alchemiser.sln")))
        {
            dir = dir.Parent;
        }

        return Path.Combine([dir?.FullName ?? throw new InvalidOperationException("Alchemiser.sln not found"), .. parts]);
    }
}
