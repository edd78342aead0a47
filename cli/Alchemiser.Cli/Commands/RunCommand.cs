using System.CommandLine;
using System.Globalization;
using Alchemiser.Alpaca;
using Alchemiser.Cli.Brokerage;
using Alchemiser.Core.Errors;
using Alchemiser.Core.Events;
using Alchemiser.Core.Hosting;
using Alchemiser.Core.Logging;
using Alchemiser.Core.MarketData;
using Alchemiser.Core.Time;
using Alchemiser.Local.Brokerage;
using Alchemiser.Local.Hosting;
using Alchemiser.Portfolio.Planning;
using Alchemiser.SignalAggregator;
using Alchemiser.StrategyOrchestrator;
using Alchemiser.StrategyWorker;
using Spectre.Console;

namespace Alchemiser.Cli.Commands;

/// <summary>
/// <c>alchemiser run</c>: the daily workflow on the embedded default — the same functions Lambda runs, an in-process
/// bus routed by template.yaml, the execution queue, SQLite for sessions, the ledger and the paper broker, CSV prices,
/// report files in a folder — on a simulated clock at 15:30 New York of the trading date, so the day takes seconds.
/// Prints a line per stage as it happens, then the orders, the account before and after, and where the report is.
/// <c>--until signal</c> stops at the consolidated signal and trades nothing. <c>--broker alpaca</c> trades the Alpaca
/// account instead of the paper simulator, in real time, on Alpaca's clock and calendar (see <see cref="AlpacaRunSetup"/>).
/// </summary>
public static class RunCommand
{
    /// <summary>How long a failed execution waits before it is received again in a run against Alpaca.</summary>
    private static readonly TimeSpan AlpacaRetryVisibility = TimeSpan.FromMinutes(1);

    public static Command Create(CliContext context)
    {
        var until = new Option<string>("--until") { Description = "How far to run: all (the whole day) or signal (stop at the consolidated target; trades nothing)", DefaultValueFactory = _ => "all" };
        var stage = new Option<string>("--stage") { Description = "Stage whose strategies.<stage>.json to run", DefaultValueFactory = _ => "dev" };
        var date = new Option<string>("--date") { Description = "Trading date yyyy-mm-dd, 'today' (New York) or 'latest' (the latest trading day up to today)", DefaultValueFactory = _ => "today" };
        var force = new Option<bool>("--force") { Description = "Start a new run even if one exists for the date" };
        var strategies = new Option<string>("--strategies") { Description = "Folder holding the strategies and manifests", DefaultValueFactory = _ => "strategies" };
        var prices = new Option<string>("--prices", "-p") { Description = "Folder of <SYMBOL>.csv daily bars (also the paper broker's market)", DefaultValueFactory = _ => ".local/prices" };
        var database = new Option<string>("--db") { Description = "SQLite file for sessions, the trade ledger and the paper account", DefaultValueFactory = _ => ".local/alchemiser.db" };
        var reports = new Option<string>("--reports") { Description = "Folder the report, CSVs and e-mail are written to (<folder>/<date>/)", DefaultValueFactory = _ => ".alchemiser/reports" };
        var template = new Option<string>("--template") { Description = "template.yaml whose rules route the local bus", DefaultValueFactory = _ => "template.yaml" };
        var failurePolicy = new Option<string>("--failure-policy") { Description = "abort (no trading if a strategy fails) or proceed (renormalize over the others)", DefaultValueFactory = _ => FailurePolicies.Abort };
        var liveBar = new Option<string>("--live-bar-policy") { Description = "live-bar or previous-close", DefaultValueFactory = _ => LiveBarPolicies.LiveBar };
        var killSwitch = new Option<bool>("--kill-switch") { Description = "Plan but place no order: every trade is blocked" };
        var deployment = new Option<decimal>("--deployment-fraction") { Description = "Share of equity to deploy, in (0, 1]", DefaultValueFactory = _ => 1m };
        var maxOrder = new Option<decimal?>("--max-order-notional") { Description = "Block any order above this many dollars" };
        var maxWeight = new Option<decimal?>("--max-position-weight") { Description = "Cap any position at this weight of the capital, e.g. 0.35" };
        var cash = new Option<decimal>("--cash") { Description = "Starting cash of a new paper account", DefaultValueFactory = _ => 100_000m };
        var broker = AlpacaOptionsCli.BrokerOption();
        var secret = AlpacaOptionsCli.SecretOption();
        var command = new Command("run", "Run the daily workflow locally (embedded default: no cloud, no network, paper broker)")
        {
            until, stage, date, force, strategies, prices, database, reports, template, failurePolicy, liveBar, killSwitch, deployment, maxOrder, maxWeight, cash,
            broker, secret,
        };
        command.SetAction(parse => CliApp.Guard(context, () =>
        {
            var untilValue = parse.GetValue(until)!;
            Require(untilValue, "--until", ["all", "signal"]);
            Require(parse.GetValue(failurePolicy)!, "--failure-policy", FailurePolicies.All);
            Require(parse.GetValue(liveBar)!, "--live-bar-policy", LiveBarPolicies.All);
            var alpaca = AlpacaOptionsCli.IsAlpaca(parse.GetValue(broker)!);
            if (!alpaca && parse.GetValue(secret) is not null)
            {
                throw new ConfigurationException("--alpaca-secret needs --broker alpaca");
            }

            if (alpaca && parse.GetResult(cash) is { Implicit: false })
            {
                throw new ConfigurationException("--cash opens a new paper-simulator account; it has no meaning with --broker alpaca", "leave --cash out: the Alpaca account's cash is what it is");
            }

            var templatePath = parse.GetValue(template)!;
            if (!File.Exists(templatePath))
            {
                throw new ConfigurationException($"template '{templatePath}' not found", "run from the repository root, or give --template");
            }

            var planner = new PlannerSettings
            {
                KillSwitch = parse.GetValue(killSwitch),
                DeploymentFraction = parse.GetValue(deployment),
                MaxOrderNotional = parse.GetValue(maxOrder),
                MaxPositionWeight = parse.GetValue(maxWeight),
            };
            planner.Validate();
            if (parse.GetValue(cash) <= 0m)
            {
                throw new ConfigurationException($"--cash must be above zero, got {parse.GetValue(cash).ToString(CultureInfo.InvariantCulture)}");
            }

            var databasePath = parse.GetValue(database)!;
            var logPath = Path.Combine(Path.GetDirectoryName(databasePath) is { Length: > 0 } dir ? dir : ".", "logs", "alchemiser.jsonl");
            Directory.CreateDirectory(Path.GetDirectoryName(logPath)!);
            using var logWriter = new StreamWriter(logPath, append: true);
            var runLog = new JsonLinesLog(new TextWriterLogSink(logWriter));
            var strategiesPath = CliParsing.ExistingFolder(parse.GetValue(strategies)!, "--strategies");
            var pricesPath = PriceFolder.Open(parse.GetValue(prices)!).Path;
            using var alpacaClient = alpaca ? AlpacaSetup.Client(context, parse.GetValue(secret), runLog) : null;
            ExternalBrokerage? external = null;
            DateOnly tradingDate;
            if (alpacaClient is not null)
            {
                var calendar = new AlpacaMarketCalendar(alpacaClient);
                var clock = alpacaClient.GetClockAsync().GetAwaiter().GetResult();
                tradingDate = AlpacaRunSetup.TradingDateAsync(clock, calendar, parse.GetValue(date)!, trades: untilValue != "signal").GetAwaiter().GetResult();
                external = new ExternalBrokerage(alpacaClient, calendar, SystemClock.Instance, SystemDelay.Instance);
                context.Ui.MarkupLine(Markup.Escape(
                    $"broker: Alpaca {AlpacaSetup.Mode(alpacaClient.Options)} · market {(clock.IsOpen ? "open until " + AlpacaRunSetup.NewYork(clock.NextClose) : "closed, next open " + AlpacaRunSetup.NewYork(clock.NextOpen))}"));
            }
            else
            {
                tradingDate = RunDates.Resolve(parse.GetValue(date)!);
            }

            var progress = new RunProgress(context.Ui);
            var options = new LocalHostOptions(
                templatePath,
                strategiesPath,
                pricesPath,
                databasePath,
                parse.GetValue(failurePolicy)!,
                parse.GetValue(liveBar)!,
                Log: runLog,
                ReportsDirectory: parse.GetValue(reports)!,
                Console: TextWriter.Synchronized(context.Out),
                OnEvent: untilValue == "signal" ? null : progress.On)
            {
                StopAfterSignal = untilValue == "signal",
                Planner = planner,
                Broker = new PaperBrokerOptions { InitialCash = parse.GetValue(cash) },
            };
            if (external is not null)
            {
                // Real time: a failed execution is received again after a minute, not the template's half hour (the
                // local poller never receives a message while it is being handled, and Execution reconciles its
                // orders by client order id, so an early retry is safe).
                options = options with { ExternalBroker = external, ExecutionVisibilityTimeout = AlpacaRetryVisibility };
            }

            var host = new LocalWorkflowHost(options);
            var input = new ScheduleInput(parse.GetValue(stage)!, tradingDate, parse.GetValue(force), "cli");
            var result = host.RunAsync(input).GetAwaiter().GetResult();
            var code = untilValue == "signal" ? ReportSignal(context, host, result) : RunSummary.Print(context, host, result);
            context.Ui.MarkupLine($"[grey]state: {Markup.Escape(databasePath)} · logs: {Markup.Escape(logPath)}[/]");
            return code;
        }));
        return command;
    }

    private static int ReportSignal(CliContext context, LocalWorkflowHost host, LocalRunResult result)
    {
        var start = result.Start;
        RunSummary.Header(context, start);
        switch (start.Outcome)
        {
            case RunStartOutcome.Skipped:
                context.Ui.MarkupLine("[yellow]skipped:[/] " + Markup.Escape(start.Reason ?? ""));
                return 0;
            case RunStartOutcome.AlreadyRun:
                context.Ui.MarkupLine("[yellow]" + Markup.Escape(start.Reason ?? "") + "[/]");
                var session = host.SessionAsync(start.SessionId!).GetAwaiter().GetResult();
                foreach (var r in session?.Results ?? [])
                {
                    context.Ui.MarkupLine($"  {(r.Succeeded ? "[green]✓[/]" : "[red]✗[/]")} {Markup.Escape(r.StrategyId)} {Markup.Escape(r.Succeeded ? string.Join("  ", r.Allocation!.Select(a => $"{a.Key} {Percent(a.Value)}")) : r.FailureReason ?? "")}");
                }

                return 0;
            case RunStartOutcome.Failed:
                context.Error(start.Reason ?? "the run could not start");
                return CliApp.Failure;
        }

        foreach (var failed in result.Events.Where(e => e.EventType == EventTypes.StrategyEvaluationFailed).Select(e => e.PayloadAs<StrategyEvaluationFailed>()))
        {
            context.ErrorUi.MarkupLine($"[red]✗ {Markup.Escape(failed.StrategyId)} ({failed.Category}): {Markup.Escape(failed.Reason)}[/]");
        }

        if (result.Find(EventTypes.WorkflowFailed)?.PayloadAs<WorkflowFailed>() is { } workflowFailed)
        {
            context.Error(workflowFailed.Reason, workflowFailed.RemediationHint);
            return CliApp.Failure;
        }

        if (result.Find(EventTypes.SignalGenerated)?.PayloadAs<SignalGenerated>() is not { } signal)
        {
            context.Error($"the run published no signal (session {start.SessionId}); see the events above");
            return CliApp.Failure;
        }

        foreach (var c in signal.Contributions)
        {
            var holdings = string.Join("  ", c.Allocation.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key} {Percent(a.Value)}"));
            context.Ui.MarkupLine($"  [green]✓[/] {Markup.Escape(c.StrategyId),-12} {Percent(c.EffectiveWeight),8} of capital  →  {Markup.Escape(holdings)}");
        }

        if (signal.Renormalized)
        {
            context.Ui.MarkupLine($"[yellow]renormalized without {Markup.Escape(string.Join(", ", signal.FailedStrategies))} (failure policy: proceed)[/]");
        }

        var table = new Table { Title = new TableTitle("consolidated target portfolio") };
        table.AddColumn("ticker");
        table.AddColumn(new TableColumn("weight").RightAligned());
        table.AddColumn(new TableColumn("%").RightAligned());
        table.AddColumn("from");
        foreach (var (ticker, weight) in signal.Portfolio.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var from = signal.Contributions
                .Where(c => c.Allocation.ContainsKey(ticker))
                .Select(c => $"{c.StrategyId} {Percent(c.EffectiveWeight * c.Allocation[ticker])}");
            table.AddRow(Markup.Escape(ticker), weight.ToString(CultureInfo.InvariantCulture), Percent(weight), Markup.Escape(string.Join(", ", from)));
        }

        context.Ui.Write(table);
        context.Ui.MarkupLine(string.Create(CultureInfo.InvariantCulture,
            $"[grey]session {Markup.Escape(start.SessionId!)} · {signal.ReceivedStrategies} of {signal.ExpectedStrategies} strategies · {result.Events.Count} events · finished in {result.Elapsed.TotalMilliseconds:0} ms[/]"));
        return 0;
    }

    private static void Require(string value, string option, IReadOnlyList<string> allowed)
    {
        if (!allowed.Contains(value, StringComparer.Ordinal))
        {
            throw new ConfigurationException($"{option} '{value}' is not one of {string.Join(", ", allowed)}");
        }
    }

    private static string Percent(decimal value) => (value * 100).ToString("0.00", CultureInfo.InvariantCulture) + "%";
}
