using System.CommandLine;
using System.Globalization;
using Alchemiser.Core.Configuration;
using Alchemiser.Core.Errors;
using Alchemiser.Local.Synthetic;
using Spectre.Console;

namespace Alchemiser.Cli.Commands;

/// <summary>
/// <c>alchemiser data synth</c>: writes a deterministic synthetic market (one CSV per symbol) so strategies run with
/// no network: for listed symbols, or for every ticker the given strategies use.
/// </summary>
public static class DataCommand
{
    public static Command Create(CliContext context)
    {
        var data = new Command("data", "Price data: create a synthetic market");
        data.Subcommands.Add(Synth(context));
        return data;
    }

    private static Command Synth(CliContext context)
    {
        var output = new Option<string>("--out", "-o") { Description = "Folder to write <SYMBOL>.csv files into", Required = true };
        var symbols = new Option<string[]>("--symbols") { Description = "Symbols to generate (space or comma separated)", AllowMultipleArgumentsPerToken = true };
        var strategies = new Option<string[]>("--strategies")
        {
            Description = "Generate every ticker these strategy files, folders or strategies.<stage>.json manifests use",
            AllowMultipleArgumentsPerToken = true,
        };
        var to = new Option<string>("--to") { Description = "Last date yyyy-mm-dd (default: yesterday)" };
        var years = new Option<int>("--years") { Description = "Years of history", DefaultValueFactory = _ => 10 };
        var seed = new Option<int>("--seed") { Description = "Seed: the same seed always gives the same prices", DefaultValueFactory = _ => 42 };
        var command = new Command("synth", "Write a deterministic synthetic market for symbols or strategies")
        {
            output, symbols, strategies, to, years, seed,
        };
        command.SetAction(parse => CliApp.Guard(context, () =>
        {
            var tickers = Tickers(parse.GetValue(symbols), parse.GetValue(strategies));
            if (parse.GetValue(years) is < 1 or > 50)
            {
                throw new ConfigurationException("--years must be between 1 and 50");
            }

            var last = parse.GetValue(to) is { } text ? CliParsing.Date(text, "--to") : DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);
            var first = last.AddYears(-parse.GetValue(years)).AddDays(1);
            var folder = parse.GetValue(output)!;
            var market = new SyntheticMarket(parse.GetValue(seed));
            if (context.Interactive)
            {
                // The generator counts 1…N while generating, then N+1…2N while writing.
                context.Ui.Progress().Start(progress =>
                {
                    var task = progress.AddTask($"{tickers.Count} symbols", maxValue: 2 * tickers.Count);
                    var gate = new object();
                    market.WriteCsvFolder(folder, tickers, first, last, new SynchronousProgress<int>(n =>
                    {
                        lock (gate)
                        {
                            task.Value = Math.Max(task.Value, n);
                        }
                    }));
                });
            }
            else
            {
                market.WriteCsvFolder(folder, tickers, first, last);
            }
            context.Ui.MarkupLine(string.Create(CultureInfo.InvariantCulture,
                $"[green]✓[/] wrote {tickers.Count} symbols, {first:yyyy-MM-dd} … {last:yyyy-MM-dd}, seed {parse.GetValue(seed)} → {Markup.Escape(folder)}"));
            context.Ui.MarkupLine("    " + Markup.Escape(string.Join(", ", tickers)));
            return 0;
        }));
        return command;
    }

    private static List<string> Tickers(string[]? symbols, string[]? strategies)
    {
        var set = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var symbol in (symbols ?? []).SelectMany(s => s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            set.Add(symbol.ToUpperInvariant());
        }

        foreach (var path in strategies ?? [])
        {
            var files = path.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
                ? StrategyManifest.Load(path).Strategies.Select(s => s.FullPath).ToList()
                : StrategyFiles.Expand([path]);
            foreach (var file in files)
            {
                foreach (var ticker in StrategyFiles.Compile(file).Stats.Tickers)
                {
                    set.Add(ticker.Ticker);
                }
            }
        }

        return set.Count > 0
            ? [.. set]
            : throw new ConfigurationException("no symbols to generate", "give --symbols SPY,QQQ or --strategies strategies/");
    }
}
