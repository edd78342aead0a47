using System.CommandLine;
using System.Globalization;
using Alchemiser.Dsl.Evaluation;
using Alchemiser.Dsl.Results;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Alchemiser.Cli.Commands;

/// <summary>
/// <c>alchemiser explain</c>: evaluates one strategy at one date and prints why it holds what it holds — the decision
/// path as an indented tree (each condition as written, the values compared, the branch taken) and each filter's
/// ranking table.
/// </summary>
public static class ExplainCommand
{
    public static Command Create(CliContext context)
    {
        var strategy = new Option<string>("--strategy", "-s") { Description = "Strategy file", Required = true };
        var prices = new Option<string>("--prices", "-p") { Description = "Folder of <SYMBOL>.csv daily bars", Required = true };
        var asOf = new Option<string>("--as-of", "-d") { Description = "As-of date yyyy-mm-dd", Required = true };
        var command = new Command("explain", "Show the decision path and filter rankings behind one allocation") { strategy, prices, asOf };
        command.SetAction(parse => CliApp.Guard(context, () =>
        {
            var date = CliParsing.Date(parse.GetValue(asOf)!, "--as-of");
            var file = StrategyFiles.Expand([parse.GetValue(strategy)!]).Single();
            var folder = PriceFolder.Open(parse.GetValue(prices)!);
            var symphony = StrategyFiles.Compile(file);
            var result = new StrategyEngine(folder.Prices).Evaluate(symphony, date, StrategyFiles.IdOf(file));
            Render(context.Ui, result);
            return 0;
        }));
        return command;
    }

    public static void Render(IAnsiConsole ui, EvaluationResult result)
    {
        ui.MarkupLine($"[bold]{Markup.Escape(result.Strategy)}[/] · {Markup.Escape(result.Name)} · as of {result.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
        ui.WriteLine();
        foreach (var entry in result.Trace)
        {
            var indent = new string(' ', 2 * entry.Depth);
            switch (entry)
            {
                case IfTrace e:
                    ui.MarkupLine($"{indent}[blue]if[/] {Markup.Escape(e.Condition)}  [grey]{Markup.Escape(e.At)}[/]");
                    if (e.Left is { } left && e.Right is { } right)
                    {
                        ui.MarkupLine($"{indent}   left {Number(left)} · right {Number(right)} → {Outcome(e.Result)} → [bold]{e.Branch}[/]");
                    }
                    else
                    {
                        foreach (var c in e.Comparisons)
                        {
                            ui.MarkupLine($"{indent}   {Markup.Escape(c.Expr)}: left {Number(c.Left)} · right {Number(c.Right)} → {Outcome(c.Result)}");
                        }

                        ui.MarkupLine($"{indent}   → {Outcome(e.Result)} → [bold]{e.Branch}[/]");
                    }

                    break;
                case FilterTrace e:
                    var limit = e.Limit is { } n ? n.ToString(CultureInfo.InvariantCulture) : "all";
                    ui.MarkupLine($"{indent}[blue]filter[/] {Markup.Escape(e.Metric)} · {e.Order} {limit} · {e.Mode}{(e.Negated ? " · scores negated" : "")}  [grey]{Markup.Escape(e.At)}[/]");
                    ui.Write(Indented(indent.Length + 3, FilterTable(e)));
                    break;
                case InverseVolatilityTrace e:
                    ui.MarkupLine($"{indent}[blue]weight-inverse-volatility[/] window {e.Window} · {e.Mode}  [grey]{Markup.Escape(e.At)}[/]");
                    ui.Write(Indented(indent.Length + 3, VolatilityTable(e)));
                    break;
            }
        }

        ui.WriteLine();
        var weights = new Table { Title = new TableTitle("allocation") };
        weights.AddColumn("ticker");
        weights.AddColumn(new TableColumn("weight").RightAligned());
        foreach (var (ticker, weight) in result.Weights)
        {
            weights.AddRow(Markup.Escape(ticker), weight.ToString(CultureInfo.InvariantCulture));
        }

        ui.Write(weights);
    }

    private static Table FilterTable(FilterTrace e)
    {
        var table = new Table().Border(TableBorder.Simple);
        foreach (var column in new[] { "rank", "candidate", "kind", "method", "score", "selected", "error" })
        {
            table.AddColumn(column);
        }

        foreach (var c in e.Candidates)
        {
            table.AddRow(
                c.Rank?.ToString(CultureInfo.InvariantCulture) ?? "–",
                Markup.Escape(c.Name),
                c.Kind,
                c.Method,
                c.Score is { } s ? Number(s) : "–",
                c.Selected ? "[green]✓[/]" : "",
                Markup.Escape(c.Error ?? ""));
        }

        return table;
    }

    private static Table VolatilityTable(InverseVolatilityTrace e)
    {
        var table = new Table().Border(TableBorder.Simple);
        foreach (var column in new[] { "item", "volatility", "share", "error" })
        {
            table.AddColumn(column);
        }

        foreach (var item in e.Items)
        {
            table.AddRow(
                Markup.Escape(item.Name),
                item.Volatility is { } v ? Number(v) : "–",
                item.Share?.ToString(CultureInfo.InvariantCulture) ?? "–",
                Markup.Escape(item.Error ?? ""));
        }

        return table;
    }

    private static IRenderable Indented(int spaces, IRenderable content) => new Padder(content, new Padding(spaces, 0, 0, 0));

    private static string Number(double value) => Markup.Escape(JsonWriter.FormatDouble(value));

    private static string Outcome(bool value) => value ? "[green]true[/]" : "[yellow]false[/]";
}
