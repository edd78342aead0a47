using System.CommandLine;
using System.Globalization;
using Alchemiser.Core.Errors;
using Alchemiser.Dsl.Binding;
using Alchemiser.Dsl.Evaluation;
using Alchemiser.Dsl.Results;
using Alchemiser.Dsl.Syntax;
using Spectre.Console;

namespace Alchemiser.Cli.Commands;

/// <summary>
/// <c>alchemiser signal</c>: evaluates strategies at as-of dates and prints each allocation — a table, the JSON
/// result object of DSL.md §9 (<c>--json</c>), or one result per line (<c>--jsonl</c>).
/// </summary>
public static class SignalCommand
{
    public static Command Create(CliContext context)
    {
        var strategies = new Option<string[]>("--strategy", "-s")
        {
            Description = "Strategy file or folder of .clj files (repeatable)",
            Required = true,
            AllowMultipleArgumentsPerToken = true,
        };
        var prices = new Option<string>("--prices", "-p") { Description = "Folder of <SYMBOL>.csv daily bars", Required = true };
        var asOf = new Option<string[]>("--as-of", "-d")
        {
            Description = "As-of date yyyy-mm-dd (repeatable)",
            Required = true,
            AllowMultipleArgumentsPerToken = true,
        };
        var json = new Option<bool>("--json") { Description = "Print the JSON result object (an array when there are several)" };
        var jsonl = new Option<bool>("--jsonl") { Description = "Print one JSON result object per line for every (strategy, as-of) pair" };

        var command = new Command("signal", "Evaluate strategies at as-of dates and print their allocations")
        {
            strategies, prices, asOf, json, jsonl,
        };
        command.SetAction(parse => CliApp.Guard(context, () =>
        {
            if (parse.GetValue(json) && parse.GetValue(jsonl))
            {
                throw new Core.Errors.ConfigurationException("--json and --jsonl exclude each other", "pick one output format");
            }

            var dates = parse.GetValue(asOf)!.Select(d => CliParsing.Date(d, "--as-of")).ToList();
            var files = StrategyFiles.Expand(parse.GetValue(strategies)!);
            var folder = PriceFolder.Open(parse.GetValue(prices)!);
            var outcomes = Evaluate(files, dates, folder);
            var format = parse.GetValue(json) ? OutputFormat.Json : parse.GetValue(jsonl) ? OutputFormat.JsonLines : OutputFormat.Table;
            Print(context, outcomes, format);
            return outcomes.TrueForAll(o => o.Result is not null) ? 0 : CliApp.Failure;
        }));
        return command;
    }

    /// <summary>Every (strategy, as-of) pair, strategies in parallel (one engine each), results in input order.</summary>
    public static List<SignalOutcome> Evaluate(IReadOnlyList<string> files, IReadOnlyList<DateOnly> dates, PriceFolder folder)
    {
        var perStrategy = new List<SignalOutcome>[files.Count];
        Parallel.For(0, files.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var id = StrategyFiles.IdOf(files[i]);
            var outcomes = new List<SignalOutcome>(dates.Count);
            Symphony symphony;
            try
            {
                symphony = StrategyFiles.Compile(files[i]);
            }
            catch (DslException e)
            {
                outcomes.AddRange(dates.Select(d => new SignalOutcome(id, d, null, e.Display)));
                perStrategy[i] = outcomes;
                return;
            }

            var engine = new StrategyEngine(folder.Prices);
            foreach (var date in dates)
            {
                try
                {
                    outcomes.Add(new SignalOutcome(id, date, engine.Evaluate(symphony, date, id), null));
                }
                catch (DslException e)
                {
                    outcomes.Add(new SignalOutcome(id, date, null, e.Display));
                }
                catch (AlchemiserException e)
                {
                    // A malformed or unreadable price file: reported for this pair, named with file and line.
                    outcomes.Add(new SignalOutcome(id, date, null, e.Message));
                }
            }

            perStrategy[i] = outcomes;
        });
        return perStrategy.SelectMany(o => o).ToList();
    }

    private static void Print(CliContext context, List<SignalOutcome> outcomes, OutputFormat format)
    {
        switch (format)
        {
            case OutputFormat.Json when outcomes.Count == 1:
                context.Out.Write(Json(outcomes[0], indented: true).ToDocument());
                break;
            case OutputFormat.Json:
                var array = new JsonWriter(indented: true);
                array.StartArray();
                foreach (var outcome in outcomes)
                {
                    WriteOutcome(array, outcome);
                }

                array.EndArray();
                context.Out.Write(array.ToDocument());
                break;
            case OutputFormat.JsonLines:
                foreach (var outcome in outcomes)
                {
                    context.Out.Write(Json(outcome, indented: false).ToString());
                    context.Out.Write('\n');
                }

                break;
            default:
                foreach (var outcome in outcomes)
                {
                    PrintTable(context, outcome);
                }

                break;
        }
    }

    private static JsonWriter Json(SignalOutcome outcome, bool indented)
    {
        var w = new JsonWriter(indented);
        WriteOutcome(w, outcome);
        return w;
    }

    private static void WriteOutcome(JsonWriter w, SignalOutcome outcome)
    {
        if (outcome.Result is not null)
        {
            EvaluationResultJson.WriteValue(w, outcome.Result);
            return;
        }

        w.StartObject();
        w.Name("strategy");
        w.String(outcome.Strategy);
        w.Name("as_of");
        w.String(outcome.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        w.Name("error");
        w.String(outcome.Error);
        w.EndObject();
    }

    private static void PrintTable(CliContext context, SignalOutcome outcome)
    {
        var date = outcome.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (outcome.Result is not { } result)
        {
            context.ErrorUi.MarkupLine($"[red]✗ {Markup.Escape(outcome.Strategy)} {date}: {Markup.Escape(outcome.Error!)}[/]");
            return;
        }

        var table = new Table { Title = new TableTitle($"{Markup.Escape(result.Strategy)} · {Markup.Escape(result.Name)} · as of {date}") };
        table.AddColumn("ticker");
        table.AddColumn(new TableColumn("weight").RightAligned());
        table.AddColumn(new TableColumn("%").RightAligned());
        foreach (var (ticker, weight) in result.Weights)
        {
            table.AddRow(
                Markup.Escape(ticker),
                weight.ToString(CultureInfo.InvariantCulture),
                (weight * 100).ToString("0.00", CultureInfo.InvariantCulture));
        }

        context.Ui.Write(table);
    }

    private enum OutputFormat
    {
        Table,
        Json,
        JsonLines,
    }
}

/// <summary>One (strategy, as-of) evaluation: its result, or the error as the user sees it.</summary>
public sealed record SignalOutcome(string Strategy, DateOnly AsOf, EvaluationResult? Result, string? Error);
