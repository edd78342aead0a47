using System.CommandLine;
using System.Globalization;
using Alchemiser.Alpaca;
using Alchemiser.Cli.Brokerage;
using Alchemiser.Cli.Cloud;
using Alchemiser.Cli.DataFetch;
using Alchemiser.Core.Configuration;
using Alchemiser.Core.Errors;
using Alchemiser.Core.MarketData;
using Alchemiser.Core.Time;
using Alchemiser.Local.Synthetic;
using Spectre.Console;

namespace Alchemiser.Cli.Commands;

/// <summary>
/// <c>alchemiser data synth</c>: writes a deterministic synthetic market (one CSV per symbol) so strategies run with
/// no network: for listed symbols, or for every ticker the given strategies use.
/// <c>alchemiser data fetch</c>: fills a price folder or the S3 datalake with Alpaca's adjusted daily bars, and resumes
/// where it stopped (<see cref="BarFetcher"/>).
/// </summary>
public static class DataCommand
{
    public static Command Create(CliContext context)
    {
        var data = new Command("data", "Price data: fetch daily bars from Alpaca, or create a synthetic market");
        data.Subcommands.Add(Fetch(context));
        data.Subcommands.Add(Synth(context));
        return data;
    }

    private static Command Fetch(CliContext context)
    {
        var symbols = new Option<string[]>("--symbols") { Description = "Symbols to fetch (space or comma separated)", AllowMultipleArgumentsPerToken = true };
        var strategies = new Option<string[]>("--strategies")
        {
            Description = "Fetch every ticker these strategy files, folders or strategies.<stage>.json manifests use",
            AllowMultipleArgumentsPerToken = true,
        };
        var years = new Option<int>("--years") { Description = "Years of history up to --end", DefaultValueFactory = _ => 10 };
        var to = new Option<string>("--to") { Description = "Price folder (created if missing) or s3://bucket/prefix (bars/daily/<SYMBOL>.csv below it)", DefaultValueFactory = _ => ".local/prices" };
        var end = new Option<string>("--end") { Description = "Last date yyyy-mm-dd, before today (default: yesterday, New York)" };
        var secret = AlpacaOptionsCli.SecretOption();
        var command = new Command("fetch", "Fill the datalake with Alpaca's adjusted daily bars; a second run fetches only what is missing")
        {
            symbols, strategies, years, to, end, secret,
        };
        command.SetAction(parse => CliApp.Guard(context, () =>
        {
            var tickers = Tickers(parse.GetValue(symbols), parse.GetValue(strategies), "fetch");
            var (first, last) = FetchRange(parse.GetValue(years), parse.GetValue(end));
            var destination = parse.GetValue(to)!;
            using var s3 = S3Address.IsS3(destination) ? CliAws.S3(context, CliAws.Options(context)) : null;
            IFetchTarget target = s3 is not null ? new S3FetchTarget(s3, S3Address.Parse(destination, "--to")) : new FolderFetchTarget(destination);
            using var client = AlpacaSetup.Client(context, parse.GetValue(secret));
            var fetcher = new BarFetcher(client, target, async (symbol, token) => await client.GetAssetAsync(symbol, token).ConfigureAwait(false) is not null);
            var outcomes = RunFetch(context, fetcher, client, tickers, first, last);
            return ReportFetch(context, outcomes, first, last, client.Budget.RequestsSent, target.Display);
        }));
        return command;
    }

    /// <summary>The fetch's first and last date; the last must be a finished day (before today in New York).</summary>
    private static (DateOnly First, DateOnly Last) FetchRange(int years, string? endText)
    {
        if (years is < 1 or > 50)
        {
            throw new ConfigurationException(string.Create(CultureInfo.InvariantCulture, $"--years must be between 1 and 50, got {years}"));
        }

        var today = MarketTime.TradingDateOf(SystemClock.Instance.UtcNow);
        var last = endText is { } text ? CliParsing.Date(text, "--end") : today.AddDays(-1);
        if (last >= today)
        {
            throw new ConfigurationException(
                string.Create(CultureInfo.InvariantCulture, $"--end {last:yyyy-MM-dd} is not before today ({today:yyyy-MM-dd} in New York): a daily bar is final only once its day is over"),
                string.Create(CultureInfo.InvariantCulture, $"give --end {today.AddDays(-1):yyyy-MM-dd} or earlier, or leave it out for yesterday"));
        }

        return (last.AddYears(-years).AddDays(1), last);
    }

    private static IReadOnlyList<FetchOutcome> RunFetch(
        CliContext context, BarFetcher fetcher, AlpacaClient client, IReadOnlyList<string> tickers, DateOnly first, DateOnly last)
    {
        if (context.Interactive)
        {
            IReadOnlyList<FetchOutcome> result = [];
            context.Ui.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .Start(progress =>
                {
                    var task = progress.AddTask(Describe(0, tickers.Count, 0), maxValue: tickers.Count);
                    result = fetcher.RunAsync(tickers, first, last, new SynchronousProgress<FetchProgress>(p =>
                    {
                        task.Value = p.Done;
                        task.Description = Describe(p.Done, p.Total, client.Budget.RequestsSent);
                    })).GetAwaiter().GetResult();
                    task.Value = tickers.Count;
                });
            return result;
        }

        return fetcher.RunAsync(tickers, first, last, new SynchronousProgress<FetchProgress>(p =>
        {
            if (p.Current == "written")
            {
                context.Ui.MarkupLine("[grey]… " + Markup.Escape(Describe(p.Done, p.Total, client.Budget.RequestsSent)) + "[/]");
            }
        })).GetAwaiter().GetResult();
    }

    private static string Describe(int done, int total, long requests) =>
        string.Create(CultureInfo.InvariantCulture, $"{done}/{total} symbols · {requests} request{(requests == 1 ? "" : "s")}");

    private static int ReportFetch(CliContext context, IReadOnlyList<FetchOutcome> outcomes, DateOnly first, DateOnly last, long requests, string display)
    {
        int Count(FetchOutcomeKind kind) => outcomes.Count(o => o.Kind == kind);
        var missing = outcomes.Where(o => o.Kind == FetchOutcomeKind.Missing).ToList();
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"{Count(FetchOutcomeKind.Written)} written, {Count(FetchOutcomeKind.Appended)} appended, {Count(FetchOutcomeKind.UpToDate) + Count(FetchOutcomeKind.NothingNew)} up to date · {first:yyyy-MM-dd} … {last:yyyy-MM-dd} · {requests} Alpaca request{(requests == 1 ? "" : "s")} → {display}");
        context.Ui.MarkupLine((missing.Count == 0 ? "[green]✓[/] " : "[yellow]![/] ") + Markup.Escape(summary));
        void List(string label, IEnumerable<string> items)
        {
            var text = string.Join(", ", items);
            if (text.Length > 0)
            {
                context.Ui.MarkupLine("    " + Markup.Escape(label.PadRight(12) + text));
            }
        }

        List("written:", outcomes.Where(o => o.Kind == FetchOutcomeKind.Written).Select(o => string.Create(CultureInfo.InvariantCulture, $"{o.Symbol} ({o.Bars} bars{(o.Note == "no file yet" ? "" : "; " + o.Note)})")));
        List("appended:", outcomes.Where(o => o.Kind == FetchOutcomeKind.Appended).Select(o => string.Create(CultureInfo.InvariantCulture, $"{o.Symbol} (+{o.Bars})")));
        List("up to date:", outcomes.Where(o => o.Kind is FetchOutcomeKind.UpToDate or FetchOutcomeKind.NothingNew).Select(o => o.Symbol));
        foreach (var m in missing)
        {
            context.Error($"{m.Symbol}: {m.Note}");
        }

        if (missing.Count > 0)
        {
            context.ErrorUi.MarkupLine("[grey]hint:[/] " + Markup.Escape(
                $"check the spelling of {string.Join(", ", missing.Select(m => m.Symbol))}; the other symbols were written"));
            return CliApp.Failure;
        }

        return 0;
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
            var tickers = Tickers(parse.GetValue(symbols), parse.GetValue(strategies), "generate");
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

    private static List<string> Tickers(string[]? symbols, string[]? strategies, string verb)
    {
        var set = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var symbol in (symbols ?? []).SelectMany(s => s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            var upper = symbol.ToUpperInvariant();
            if (!SymbolFileName.IsValidSymbol(upper))
            {
                throw new ConfigurationException($"--symbols: '{symbol}' is not a symbol", "write symbols as tickers, e.g. --symbols SPY,QQQ,BRK/B");
            }

            set.Add(upper);
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
            : throw new ConfigurationException($"no symbols to {verb}", "give --symbols SPY,QQQ or --strategies strategies/");
    }
}
