using System.CommandLine;
using System.Globalization;
using Alchemiser.Core.Allocation;
using Alchemiser.Core.Configuration;
using Alchemiser.Core.Errors;
using Alchemiser.Dsl.Evaluation;
using Alchemiser.Dsl.Results;
using Alchemiser.Dsl.Syntax;
using Spectre.Console;

namespace Alchemiser.Cli.Commands;

/// <summary>
/// <c>alchemiser run</c>: the daily workflow on the embedded default. Today it evaluates every strategy of the
/// stage's manifest on the local price folder and prints each allocation and the consolidated target portfolio
/// (Σ strategy weight × allocation). Any failing strategy aborts the run: no target is printed and the exit code is 1.
/// </summary>
public static class RunCommand
{
    public static Command Create(CliContext context)
    {
        var stage = new Option<string>("--stage") { Description = "Stage whose strategies.<stage>.json to run", DefaultValueFactory = _ => "dev" };
        var strategies = new Option<string>("--strategies") { Description = "Folder holding the strategies and manifests", DefaultValueFactory = _ => "strategies" };
        var prices = new Option<string>("--prices", "-p") { Description = "Folder of <SYMBOL>.csv daily bars", DefaultValueFactory = _ => ".local/prices" };
        var asOf = new Option<string>("--as-of", "-d") { Description = "As-of date yyyy-mm-dd (default: the latest date in the price data)" };
        var command = new Command("run", "Run the daily workflow locally: evaluate the stage's strategies and consolidate them")
        {
            stage, strategies, prices, asOf,
        };
        command.SetAction(parse => CliApp.Guard(context, () =>
        {
            var manifest = StrategyManifest.LoadStage(parse.GetValue(strategies)!, parse.GetValue(stage)!);
            var folder = PriceFolder.Open(parse.GetValue(prices)!);
            var symphonies = manifest.Strategies.Select(s => (Allocation: s, Symphony: StrategyFiles.Compile(s.FullPath))).ToList();
            var tickers = symphonies.SelectMany(s => s.Symphony.Stats.Tickers.Select(t => t.Ticker)).Distinct(StringComparer.Ordinal).ToList();
            var date = parse.GetValue(asOf) is { } text ? CliParsing.Date(text, "--as-of") : LatestDate(folder, tickers);

            context.Ui.MarkupLine($"[bold]run[/] · stage {Markup.Escape(parse.GetValue(stage)!)} · {symphonies.Count} strategies · as of {date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
            var engine = new StrategyEngine(folder.Prices);
            var contributions = new List<StrategyContribution>();
            var failed = 0;
            foreach (var (allocation, symphony) in symphonies)
            {
                try
                {
                    var result = engine.Evaluate(symphony, date, allocation.StrategyId);
                    contributions.Add(new StrategyContribution(allocation.StrategyId, allocation.Weight, result.Weights));
                    PrintStrategy(context, allocation.StrategyId, allocation.Weight, result);
                }
                catch (DslException e)
                {
                    failed++;
                    context.ErrorUi.MarkupLine($"[red]✗ {Markup.Escape(allocation.StrategyId)}: {Markup.Escape(e.Display)}[/]");
                }
            }

            if (failed > 0)
            {
                context.Error($"{failed} of {symphonies.Count} strategies failed; no target portfolio (failure policy: abort)");
                return CliApp.Failure;
            }

            PrintConsolidated(context, ConsolidatedAllocation.Merge(contributions));
            return 0;
        }));
        return command;
    }

    /// <summary>The latest bar date any of the strategies' tickers has: the natural as-of for a local run.</summary>
    private static DateOnly LatestDate(PriceFolder folder, IReadOnlyList<string> tickers)
    {
        var present = tickers.Where(folder.Store.Contains).ToList();
        var latest = folder.Store.Preload(present).Values.Where(b => b.Count > 0).Select(b => b[^1].Date).DefaultIfEmpty().Max();
        return latest != default
            ? latest
            : throw new ConfigurationException($"the price folder '{folder.Path}' has no bars for the strategies' tickers", "give --as-of, or create prices with: alchemiser data synth");
    }

    private static void PrintStrategy(CliContext context, string id, decimal weight, EvaluationResult result)
    {
        var holdings = string.Join("  ", result.Weights.Select(w => $"{w.Key} {Percent(w.Value)}"));
        context.Ui.MarkupLine($"  [green]✓[/] {Markup.Escape(id),-12} {Percent(weight),8} of capital  →  {Markup.Escape(holdings)}");
    }

    private static void PrintConsolidated(CliContext context, ConsolidatedAllocation target)
    {
        var table = new Table { Title = new TableTitle("consolidated target portfolio") };
        table.AddColumn("ticker");
        table.AddColumn(new TableColumn("weight").RightAligned());
        table.AddColumn(new TableColumn("%").RightAligned());
        table.AddColumn("from");
        foreach (var (ticker, weight) in target.Weights)
        {
            var from = string.Join(", ", target.ContributionsByTicker[ticker].Select(c => $"{c.Key} {Percent(c.Value)}"));
            table.AddRow(Markup.Escape(ticker), weight.ToString(CultureInfo.InvariantCulture), Percent(weight), Markup.Escape(from));
        }

        context.Ui.Write(table);
    }

    private static string Percent(decimal value) => (value * 100).ToString("0.00", CultureInfo.InvariantCulture) + "%";
}
