using System.CommandLine;
using System.Globalization;
using Alchemiser.Core.Configuration;
using Alchemiser.Core.Errors;
using Alchemiser.Core.MarketData;
using Alchemiser.Dsl.Binding;
using Alchemiser.Dsl.Syntax;
using Spectre.Console;

namespace Alchemiser.Cli.Commands;

/// <summary>
/// <c>alchemiser validate</c>: parses and validates strategy files and stage manifests without evaluating them.
/// Per file: ok with its shape (forms, groups, tickers, depth, functions), or each error with <c>line:col</c> and a
/// hint. With <c>--prices</c>, every ticker must have a price file.
/// </summary>
public static class ValidateCommand
{
    public static Command Create(CliContext context)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Strategy files, strategies.<stage>.json manifests, or folders holding them",
            Arity = ArgumentArity.OneOrMore,
        };
        var prices = new Option<string>("--prices", "-p") { Description = "Also check that every ticker has a price file in this folder" };
        var command = new Command("validate", "Check strategy files and stage manifests without evaluating them") { paths, prices };
        command.SetAction(parse => CliApp.Guard(context, () =>
        {
            var priceFolder = parse.GetValue(prices) is { } folder ? PriceFolder.Open(folder) : null;
            var files = Expand(parse.GetValue(paths)!);
            var invalid = 0;
            foreach (var file in files)
            {
                var ok = file.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
                    ? ValidateManifest(context, file)
                    : ValidateStrategy(context, file, priceFolder);
                invalid += ok ? 0 : 1;
            }

            var summary = $"{files.Count - invalid} of {files.Count} file(s) valid";
            context.Ui.MarkupLine(invalid == 0 ? $"[green]{summary}[/]" : $"[red]{summary}[/]");
            return invalid == 0 ? 0 : CliApp.Failure;
        }));
        return command;
    }

    /// <summary>Files as given; folders give their *.clj files and strategies.*.json manifests.</summary>
    private static List<string> Expand(IEnumerable<string> paths)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                var found = Directory.GetFiles(path, "*.clj")
                    .Concat(Directory.GetFiles(path, "strategies.*.json"))
                    .Order(StringComparer.Ordinal)
                    .ToList();
                if (found.Count == 0)
                {
                    throw new ConfigurationException($"no *.clj or strategies.*.json files in folder '{path}'");
                }

                files.AddRange(found);
            }
            else
            {
                files.AddRange(StrategyFiles.Expand([path]));
            }
        }

        return files;
    }

    private static bool ValidateStrategy(CliContext context, string path, PriceFolder? prices)
    {
        Symphony symphony;
        try
        {
            symphony = StrategyFiles.Compile(path);
        }
        catch (DslException e)
        {
            Fail(context, e.Display, e.RemediationHint);
            return false;
        }

        var missing = prices is null ? [] : symphony.Stats.Tickers.Where(t => !prices.Store.Contains(t.Ticker)).ToList();
        foreach (var ticker in missing)
        {
            Fail(
                context,
                string.Create(CultureInfo.InvariantCulture,
                    $"{symphony.FileName}:{ticker.At.Line}:{ticker.At.Column}: unknown ticker '{ticker.Ticker}': no {SymbolFileName.ToFileName(ticker.Ticker)} in {prices!.Path}"),
                "check the ticker's spelling, or add its prices: alchemiser data synth --out <prices> --symbols " + ticker.Ticker);
        }

        if (missing.Count > 0)
        {
            return false;
        }

        var stats = symphony.Stats;
        context.Ui.MarkupLine(string.Create(CultureInfo.InvariantCulture,
            $"[green]✓[/] {Markup.Escape(symphony.FileName)}  [grey]\"{Markup.Escape(symphony.Name)}\" · {stats.Forms} forms · {stats.Groups} groups · {stats.Tickers.Count} tickers · depth {stats.MaxDepth}[/]"));
        context.Ui.MarkupLine("    functions: " + Markup.Escape(string.Join(", ", stats.Functions)));
        context.Ui.MarkupLine("    tickers:   " + Markup.Escape(string.Join(", ", stats.Tickers.Select(t => t.Ticker))));
        return true;
    }

    private static bool ValidateManifest(CliContext context, string path)
    {
        var (manifest, problems) = CheckManifest(path);
        foreach (var (message, hint) in problems)
        {
            Fail(context, message, hint);
        }

        if (manifest is not null && problems.Count == 0)
        {
            context.Ui.MarkupLine($"[green]✓[/] {Markup.Escape(Path.GetFileName(path))}  [grey]{manifest.Strategies.Count} strategies: {Markup.Escape(Describe(manifest))}[/]");
        }

        return problems.Count == 0;
    }

    /// <summary>
    /// Loads a stage manifest and compiles every strategy file it names (what <c>validate</c> does to a manifest, and
    /// <c>doctor</c> to the stage's): the manifest when it loads, and every problem with its hint.
    /// </summary>
    public static (StrategyManifest? Manifest, List<(string Message, string? Hint)> Problems) CheckManifest(string path)
    {
        StrategyManifest manifest;
        try
        {
            manifest = StrategyManifest.Load(path);
        }
        catch (ConfigurationException e)
        {
            return (null, [(e.Message, e.RemediationHint)]);
        }

        var problems = new List<(string Message, string? Hint)>();
        foreach (var strategy in manifest.Strategies)
        {
            try
            {
                StrategyFiles.Compile(strategy.FullPath);
            }
            catch (DslException e)
            {
                problems.Add(($"{Path.GetFileName(path)}: {strategy.File} does not validate: {e.Display}", e.RemediationHint));
            }
        }

        return (manifest, problems);
    }

    /// <summary>The manifest's strategies and weights: <c>nuclear.clj 0.4, tecl.clj 0.3</c>.</summary>
    public static string Describe(StrategyManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        return string.Join(", ", manifest.Strategies.Select(s => s.File + " " + s.Weight.ToString(CultureInfo.InvariantCulture)));
    }

    private static void Fail(CliContext context, string message, string? hint)
    {
        context.Ui.MarkupLine("[red]✗[/] " + Markup.Escape(message));
        if (!string.IsNullOrEmpty(hint))
        {
            context.Ui.MarkupLine("    [grey]hint:[/] " + Markup.Escape(hint));
        }
    }
}
