using System.Text.Json;
using Alchemiser.Core.Events;
using Alchemiser.Core.Hosting;
using Alchemiser.Core.Logging;
using Alchemiser.Local.Hosting;
using Alchemiser.Local.Synthetic;
using Alchemiser.StrategyOrchestrator;
using Microsoft.Data.Sqlite;

namespace Alchemiser.Local.Tests.Hosting;

/// <summary>The embedded default end to end: template-routed bus, SQLite sessions, CSV prices, the real Function classes.</summary>
public sealed class LocalWorkflowHostTests : IDisposable
{
    private static readonly DateOnly TradingDate = new(2025, 6, 30);
    private readonly string _folder = Directory.CreateTempSubdirectory("alchemiser-host-").FullName;
    private readonly InMemoryLogSink _logs = new();

    private LocalWorkflowHost Host() => new(new LocalHostOptions(
        Path.Combine(RepositoryPaths.Root, "template.yaml"),
        RepositoryPaths.Strategies,
        Path.Combine(_folder, "prices"),
        Path.Combine(_folder, "alchemiser.db"),
        Log: new JsonLinesLog(_logs)));

    public LocalWorkflowHostTests()
    {
        var tickers = new[] { "nuclear.clj", "tecl.clj", "klm.clj" }
            .SelectMany(f => Dsl.DslCompiler.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Strategies, f)), f).Stats.Tickers.Select(t => t.Ticker))
            .Distinct(StringComparer.Ordinal);
        new SyntheticMarket(5).WriteCsvFolder(Path.Combine(_folder, "prices"), tickers, TradingDate.AddYears(-2), TradingDate);
    }

    [Fact]
    public async Task A_run_publishes_one_signal_with_every_event_and_log_line_on_the_runs_correlation_id()
    {
        var result = await Host().RunAsync(new ScheduleInput("dev", TradingDate));

        Assert.Equal(RunStartOutcome.Started, result.Start.Outcome);
        Assert.Equal(3, result.Events.Count(e => e.EventType == EventTypes.StrategyEvaluationRequested));
        Assert.Equal(3, result.Events.Count(e => e.EventType == EventTypes.PartialSignalGenerated));
        var signal = Assert.Single(result.Events, e => e.EventType == EventTypes.SignalGenerated).PayloadAs<SignalGenerated>();
        Assert.Equal(1m, signal.Portfolio.Values.Sum());
        Assert.All(result.Events, e => Assert.Equal(result.Start.CorrelationId, e.CorrelationId));

        var lines = _logs.Lines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.True(lines.Count >= 7, $"{lines.Count} log lines");
        Assert.All(lines, l => Assert.Equal(result.Start.CorrelationId, l.GetProperty("correlation_id").GetString()));
        Assert.Equal(
            ["SignalAggregator", "StrategyOrchestrator", "StrategyWorker"],
            lines.Select(l => l.GetProperty("function").GetString()!).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_session_is_kept_in_sqlite_so_a_second_host_reports_the_run_as_already_run()
    {
        var first = await Host().RunAsync(new ScheduleInput("dev", TradingDate));
        var second = await Host().RunAsync(new ScheduleInput("dev", TradingDate));

        Assert.Equal(RunStartOutcome.AlreadyRun, second.Start.Outcome);
        Assert.Equal(first.Start.CorrelationId, second.Start.CorrelationId);
        Assert.Empty(second.Events); // nothing published: no second evaluation, no second signal
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
