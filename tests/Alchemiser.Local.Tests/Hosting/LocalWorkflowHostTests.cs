using System.Text.Json;
using Alchemiser.Core.Brokerage;
using Alchemiser.Core.Events;
using Alchemiser.Core.Hosting;
using Alchemiser.Core.Logging;
using Alchemiser.Local.Hosting;
using Alchemiser.Local.Synthetic;
using Alchemiser.StrategyOrchestrator;
using Microsoft.Data.Sqlite;

namespace Alchemiser.Local.Tests.Hosting;

/// <summary>
/// The embedded default end to end: template-routed bus, the execution queue, SQLite sessions/ledger/paper broker, CSV
/// prices, report files, the real Function classes — a whole trading day in-process.
/// </summary>
public sealed class LocalWorkflowHostTests : IDisposable
{
    private static readonly DateOnly TradingDate = new(2025, 6, 30);
    private readonly string _folder = Directory.CreateTempSubdirectory("alchemiser-host-").FullName;
    private readonly InMemoryLogSink _logs = new();

    private string Reports => Path.Combine(_folder, "reports");

    private LocalWorkflowHost Host() => new(new LocalHostOptions(
        Path.Combine(RepositoryPaths.Root, "template.yaml"),
        RepositoryPaths.Strategies,
        Path.Combine(_folder, "prices"),
        Path.Combine(_folder, "alchemiser.db"),
        Log: new JsonLinesLog(_logs),
        ReportsDirectory: Reports));

    public LocalWorkflowHostTests()
    {
        var tickers = new[] { "nuclear.clj", "tecl.clj", "klm.clj" }
            .SelectMany(f => Dsl.DslCompiler.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Strategies, f)), f).Stats.Tickers.Select(t => t.Ticker))
            .Distinct(StringComparer.Ordinal);
        new SyntheticMarket(5).WriteCsvFolder(Path.Combine(_folder, "prices"), tickers, TradingDate.AddYears(-2), TradingDate);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task A_day_runs_from_the_schedule_to_the_email_with_every_event_and_log_line_on_one_correlation_id()
    {
        var host = Host();

        var result = await host.RunAsync(new ScheduleInput("dev", TradingDate));

        Assert.Equal(RunStartOutcome.Started, result.Start.Outcome);
        Assert.Equal(3, result.Events.Count(e => e.EventType == EventTypes.PartialSignalGenerated));
        var signal = Assert.Single(result.Events, e => e.EventType == EventTypes.SignalGenerated).PayloadAs<SignalGenerated>();
        var plan = Assert.Single(result.Events, e => e.EventType == EventTypes.RebalancePlanned).PayloadAs<RebalancePlanned>();
        var executed = Assert.Single(result.Events, e => e.EventType == EventTypes.TradeExecuted).PayloadAs<TradeExecuted>();
        Assert.Equal("completed", Assert.Single(result.Events, e => e.EventType == EventTypes.WorkflowCompleted).PayloadAs<WorkflowCompleted>().Outcome);
        Assert.DoesNotContain(result.Events, e => e.EventType == EventTypes.WorkflowFailed);
        Assert.All(result.Events, e => Assert.Equal(result.Start.CorrelationId, e.CorrelationId));

        Assert.Equal(signal.Portfolio.Keys.Order(StringComparer.Ordinal), plan.Trades.Select(t => t.Symbol).Order(StringComparer.Ordinal));
        Assert.All(plan.Trades, t => Assert.Equal("buy", t.Side));
        Assert.True(executed.Fills.Count >= plan.Trades.Count);
        Assert.Empty(executed.FailedOrders);

        var lines = _logs.Lines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.All(lines, l => Assert.Equal(result.Start.CorrelationId, l.GetProperty("correlation_id").GetString()));
        Assert.Equal(
            ["Execution", "Notifications", "Portfolio", "SignalAggregator", "StrategyOrchestrator", "StrategyWorker"],
            lines.Select(l => l.GetProperty("function").GetString()!).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_day_leaves_positions_at_the_broker_one_ledger_row_per_filled_order_and_the_report_files()
    {
        var host = Host();

        var result = await host.RunAsync(new ScheduleInput("dev", TradingDate));

        var executed = result.Find(EventTypes.TradeExecuted)!.PayloadAs<TradeExecuted>();
        var fills = await host.Ledger.ByCorrelationAsync(result.Start.CorrelationId);
        Assert.Equal(
            executed.Fills.Select(f => (f.OrderId, f.Quantity, f.Price)).Order(),
            fills.Select(f => (f.BrokerOrderId, f.Quantity, f.Price)).Order());
        var positions = await host.Broker.GetPositionsAsync();
        Assert.Equal(
            fills.GroupBy(f => f.Symbol).Select(g => (g.Key, g.Sum(f => f.Quantity))).Order(),
            positions.Select(p => (p.Symbol, p.Quantity)).Order());
        var account = await host.Broker.GetAccountAsync();
        Assert.Equal(executed.EquityAfter, account.Equity);

        var day = Path.Combine(Reports, "2025-06-30");
        foreach (var file in new[] { "report.html", "orders.csv", "allocations.csv", "email.txt", "email-report.txt" })
        {
            Assert.True(File.Exists(Path.Combine(day, file)), $"{file} was not written");
        }

        Assert.Contains(result.Start.CorrelationId, File.ReadAllText(Path.Combine(day, "email.txt")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Running_the_same_trading_date_again_places_no_order()
    {
        var first = await Host().RunAsync(new ScheduleInput("dev", TradingDate));
        var host = Host();
        var ordersBefore = await OrderIdsAsync(host);

        var second = await host.RunAsync(new ScheduleInput("dev", TradingDate));

        Assert.Equal(RunStartOutcome.AlreadyRun, second.Start.Outcome);
        Assert.Equal(first.Start.CorrelationId, second.Start.CorrelationId);
        Assert.Empty(second.Events);
        Assert.Equal(ordersBefore, await OrderIdsAsync(host));
    }

    [Fact]
    public async Task A_poisoned_plan_goes_to_the_dead_letters_after_three_receives_and_raises_a_workflow_failed_alert()
    {
        var host = Host();
        var poisoned = EventEnvelope.Create(
            new RebalancePlanned("dev:2025-06-30", TradingDate, 1_000m, 1_000m, [new PlannedTrade("SPY", "hold", -1m, 5m, false, null, [])], []),
            "poison-run:RebalancePlanned",
            "poison-run",
            "poison-run:SignalGenerated",
            DateTimeOffset.UnixEpoch,
            EventSources.Portfolio,
            "PortfolioService");

        await host.PublishAsync([poisoned]);

        var dead = Assert.Single(host.DeadLetters);
        Assert.Equal(3, dead.ReceiveCount);
        Assert.True(File.Exists(Path.Combine(_folder, "dead-letters", $"ExecutionQueue-{dead.MessageId}.json")));
        Assert.Contains("poison-run:RebalancePlanned", File.ReadAllText(Path.Combine(_folder, "dead-letters", $"ExecutionQueue-{dead.MessageId}.json")), StringComparison.Ordinal);
        var alert = File.ReadAllText(Path.Combine(Reports, "2025-06-30", "email-alert.txt"));
        Assert.Contains("poison-run", alert, StringComparison.Ordinal);
        Assert.Contains("execution", alert, StringComparison.Ordinal);
        Assert.Empty(await OrderIdsAsync(host));
    }

    private static async Task<List<string>> OrderIdsAsync(LocalWorkflowHost host)
    {
        var ids = new List<string>();
        for (var n = 1; ; n++)
        {
            try
            {
                ids.Add((await host.Broker.GetOrderAsync($"paper-{n:D6}")).Id);
            }
            catch (OrderNotFoundException)
            {
                return ids;
            }
        }
    }
}
