using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Alchemiser.Aws.DynamoDb;
using Alchemiser.Aws.IntegrationTests.Support;
using Alchemiser.Aws.S3;
using Alchemiser.Aws.Sqs;
using Alchemiser.Core.Events;
using Alchemiser.Core.Hosting;
using Alchemiser.Core.Logging;
using Alchemiser.Core.MarketData;
using Alchemiser.Core.Time;
using Alchemiser.Core.Trading;
using Alchemiser.Lambda.IntegrationTests.Support;
using Alchemiser.Local.Brokerage;
using Alchemiser.Local.Hosting;
using Alchemiser.Local.MarketData;
using Alchemiser.Local.Synthetic;
using Alchemiser.Local.Time;
using Alchemiser.StrategyOrchestrator;
using Microsoft.Data.Sqlite;

namespace Alchemiser.Lambda.IntegrationTests.Workflow;

/// <summary>
/// The whole workflow as deployed, against moto: the six functions composed from their environment the way Lambda
/// composes them (DynamoDB sessions, ledger and idempotency records, the S3 datalake and reports, EventBridge, SNS),
/// template.yaml's rules delivering to one queue per consumer, a driver invoking each Function.HandleAsync with what
/// Lambda would pass — and the outcome equal to the embedded local run's on the same prices, strategies and paper
/// account: the same plan and the same ledger rows. The broker is the paper simulator on a simulated clock in both
/// runs (moto has no Alpaca), so the executor's waits advance time instead of taking it.
/// </summary>
[Trait("Category", "Integration")]
[Collection(MotoCollection.Name)]
public sealed class WorkflowOnMotoTests(MotoServer moto) : IDisposable
{
    private static readonly DateOnly TradingDate = new(2025, 6, 30);
    private static readonly string[] StrategyFiles = ["nuclear.clj", "tecl.clj", "klm.clj"];
    private readonly string _folder = Directory.CreateTempSubdirectory("alchemiser-moto-workflow-").FullName;

    private string Prices => Path.Combine(_folder, "prices");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task The_deployed_composition_runs_the_day_on_moto_with_the_local_runs_plan_and_ledger_rows()
    {
        var bars = WriteSyntheticPrices();
        var local = await RunLocallyAsync();

        var stack = await MotoStack.CreateAsync(moto, "dev", bars);
        var logs = new InMemoryLogSink();
        var clock = new SimulatedClock(FifteenThirty(TradingDate));
        var broker = new PaperBroker(Path.Combine(_folder, "deployed-broker.db"), new BarMarketModel(new CsvBarStore(Prices)), clock);
        var services = LambdaServices.FromEnvironment(stack.LambdaEnvironment, new LambdaOverrides
        {
            Clock = clock,
            Delay = clock,
            Broker = broker,
            Calendar = new NyseMarketCalendar(),
            AwsCredentials = MotoAws.TestCredentials,
            Log = new JsonLinesLog(logs),
        });
        var orchestrator = new StrategyOrchestrator.Function(services);
        var driver = new LambdaDriver(stack, new Dictionary<string, Func<Stream, Task<Stream>>>(StringComparer.Ordinal)
        {
            ["StrategyWorker"] = new StrategyWorker.Function(services).HandleAsync,
            ["SignalAggregator"] = new SignalAggregator.Function(services).HandleAsync,
            ["Portfolio"] = new Portfolio.Function(services).HandleAsync,
            ["Execution"] = new Execution.Function(services).HandleAsync,
            ["Notifications"] = new Notifications.Function(services).HandleAsync,
        }, sqsConsumer: "Execution");

        var start = await StartAsync(orchestrator);
        await driver.PumpAsync();

        Assert.Equal(RunStartOutcome.Started, start.Outcome);
        Assert.Equal(3, start.RequestsPublished);
        var archived = await ArchivedEventsAsync(stack, start.CorrelationId);
        Assert.Equal(
            ["PartialSignalGenerated", "RebalancePlanned", "SignalGenerated", "StrategyEvaluationRequested", "TradeExecuted", "WorkflowCompleted"],
            archived.Select(e => e.EventType).Distinct().Order(StringComparer.Ordinal));
        Assert.All(archived, e => Assert.Equal(start.CorrelationId, e.CorrelationId));

        var plan = Assert.Single(archived, e => e.EventType == EventTypes.RebalancePlanned).PayloadAs<RebalancePlanned>();
        Assert.NotEmpty(plan.Trades);
        Assert.Equal(Json(local.Plan), Json(plan));

        using var dynamo = MotoStack.DynamoDb(moto);
        var ledger = await new DynamoDbTradeLedger(dynamo, stack.Environment[LambdaVariables.TradeLedgerTable]).ByCorrelationAsync(start.CorrelationId);
        Assert.NotEmpty(ledger);
        Assert.Equal(Rows(local.Ledger), Rows(ledger));

        var email = Assert.Single(await new SqsClient(MotoAws.Client(moto)).ReceiveMessagesAsync(stack.EmailQueue, waitSeconds: 1));
        Assert.Contains(start.CorrelationId, email.Body, StringComparison.Ordinal);
        using var s3 = MotoStack.S3(moto);
        var reports = new S3ReportStore(s3, stack.Environment[LambdaVariables.ReportsBucket]);
        Assert.Contains("<html", await reports.GetTextAsync($"{TradingDate:yyyy-MM-dd}/report.html") ?? string.Empty, StringComparison.OrdinalIgnoreCase);

        Assert.DoesNotContain(driver.Invocations, i => i.DetailType == EventTypes.WorkflowFailed);
        Assert.Equal(["Execution"], driver.Invocations.Where(i => i.DetailType == EventTypes.RebalancePlanned && i.Consumer != "Notifications").Select(i => i.Consumer));
        var lines = logs.Lines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.All(lines, l => Assert.Equal(start.CorrelationId, l.GetProperty("correlation_id").GetString()));
    }

    private async Task<(RebalancePlanned Plan, IReadOnlyList<LedgerFill> Ledger)> RunLocallyAsync()
    {
        var host = new LocalWorkflowHost(new LocalHostOptions(
            RepositoryPaths.Template, RepositoryPaths.Strategies, Prices, Path.Combine(_folder, "local.db"), ReportsDirectory: Path.Combine(_folder, "reports")));
        var result = await host.RunAsync(new ScheduleInput("dev", TradingDate));
        var plan = Assert.Single(result.Events, e => e.EventType == EventTypes.RebalancePlanned).PayloadAs<RebalancePlanned>();
        return (plan, await host.Ledger.ByCorrelationAsync(result.Start.CorrelationId));
    }

    private static async Task<RunStart> StartAsync(StrategyOrchestrator.Function orchestrator)
    {
        using var input = LambdaStreams.Write(new ScheduleInput("dev", TradingDate), ScheduleJsonContext.Default.ScheduleInput);
        await using var output = await orchestrator.HandleAsync(input);
        return await LambdaStreams.ReadAsync(output, OrchestratorJsonContext.Default.RunStart, "the orchestrator's answer", CancellationToken.None);
    }

    private static async Task<IReadOnlyList<EventEnvelope>> ArchivedEventsAsync(MotoStack stack, string correlationId)
    {
        using var s3 = MotoStack.S3(stack.Moto);
        var reports = new S3ReportStore(s3, stack.Environment[LambdaVariables.ReportsBucket]);
        var keys = await reports.ListKeysAsync($"{TradingDate:yyyy-MM-dd}/events/{correlationId}/");
        var events = new List<EventEnvelope>();
        foreach (var key in keys.Where(k => k.EndsWith(".json", StringComparison.Ordinal)))
        {
            events.Add(EventEnvelope.FromJson((await reports.GetTextAsync(key))!));
        }

        return events;
    }

    private IReadOnlyDictionary<string, IReadOnlyList<DailyBar>> WriteSyntheticPrices()
    {
        var tickers = StrategyFiles
            .SelectMany(f => Dsl.DslCompiler.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Strategies, f)), f).Stats.Tickers.Select(t => t.Ticker))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        new SyntheticMarket(5).WriteCsvFolder(Prices, tickers, TradingDate.AddYears(-2), TradingDate);
        var store = new CsvBarStore(Prices);
        return tickers.ToDictionary(t => t, store.GetBars, StringComparer.Ordinal);
    }

    private static DateTimeOffset FifteenThirty(DateOnly date)
    {
        var local = date.ToDateTime(new TimeOnly(15, 30));
        return new DateTimeOffset(local, MarketTime.NewYork.GetUtcOffset(local));
    }

    /// <summary>
    /// The plan as JSON with every number at its shortest scale: moto's EventBridge re-encodes the detail it delivers
    /// (152.439024390 arrives as 152.43902439), which is the same decimal.
    /// </summary>
    private static string Json(RebalancePlanned plan) =>
        Normalized(JsonNode.Parse(JsonSerializer.Serialize(plan, Core.Json.CoreJsonContext.Default.RebalancePlanned)))!.ToJsonString();

    private static JsonNode? Normalized(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, value) in o.ToList())
                {
                    o[key] = Normalized(value?.DeepClone());
                }

                return o;
            case JsonArray a:
                return new JsonArray(a.Select(v => Normalized(v?.DeepClone())).ToArray());
            case JsonValue v when v.GetValueKind() == JsonValueKind.Number:
                return JsonValue.Create(v.GetValue<decimal>() / 1.0000000000000000000000000000m);
            default:
                return node;
        }
    }

    /// <summary>A ledger row without what differs between two runs by design: the run's ids and when it was recorded.</summary>
    private static List<string> Rows(IEnumerable<LedgerFill> fills) =>
        fills
            .Select(f => string.Create(
                    CultureInfo.InvariantCulture,
                    $"{f.TradingDate:yyyy-MM-dd} {f.Symbol} {f.Side} {f.Quantity} @ {f.Price} at {f.FilledAt:O} step {f.ClientOrderId.Split('-')[^1]} ")
                + string.Join(",", f.Attribution.Select(a => string.Create(CultureInfo.InvariantCulture, $"{a.StrategyId}={a.Quantity}"))))
            .Order(StringComparer.Ordinal)
            .ToList();
}
