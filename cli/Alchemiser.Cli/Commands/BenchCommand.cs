using System.CommandLine;
using System.Globalization;
using Alchemiser.Cli.Bench;
using Alchemiser.Dsl.Results;
using Spectre.Console;

namespace Alchemiser.Cli.Commands;

/// <summary><c>alchemiser bench</c>: measures the strategy engine against its budgets; a table, or JSON with <c>--json</c>.</summary>
public static class BenchCommand
{
    public static Command Create(CliContext context)
    {
        var json = new Option<bool>("--json") { Description = "Print the figures as JSON" };
        var strategies = new Option<string>("--strategies") { Description = "Folder of the project's own strategies", DefaultValueFactory = _ => "strategies" };
        var template = new Option<string>("--template") { Description = "template.yaml for the local signal run", DefaultValueFactory = _ => "template.yaml" };
        var command = new Command("bench", "Measure parse, evaluation, load and simulated-trading-day times against the performance budgets") { json, strategies, template };
        command.SetAction(parse => CliApp.Guard(context, () =>
        {
            var asJson = parse.GetValue(json);
            var progress = new Progress<string>(message =>
            {
                if (!asJson)
                {
                    context.ErrorUi.MarkupLine("[grey]… " + Markup.Escape(message) + "[/]");
                }
            });
            var figures = new EngineBenchmark(parse.GetValue(strategies)!, parse.GetValue(template)!, progress).Run();
            if (asJson)
            {
                context.Out.Write(Json(figures));
            }
            else
            {
                context.Ui.Write(Table(figures));
            }

            return figures.TrueForAll(f => f.WithinBudget) ? 0 : CliApp.Failure;
        }));
        return command;
    }

    private static Table Table(List<BenchFigure> figures)
    {
        var table = new Table { Title = new TableTitle($"Alchemiser · {Environment.ProcessorCount} cores · .NET {Environment.Version}") };
        table.AddColumn("measure");
        table.AddColumn(new TableColumn("value").RightAligned());
        table.AddColumn(new TableColumn("budget").RightAligned());
        table.AddColumn("ok");
        foreach (var f in figures)
        {
            table.AddRow(
                Markup.Escape(f.Description),
                f.Value.ToString("0.00", CultureInfo.InvariantCulture) + " " + f.Unit,
                f.Budget is { } b ? "≤ " + b.ToString("0.##", CultureInfo.InvariantCulture) + " " + f.Unit : "",
                f.WithinBudget ? "[green]✓[/]" : "[red]✗[/]");
        }

        return table;
    }

    private static string Json(List<BenchFigure> figures)
    {
        var w = new JsonWriter(indented: true);
        w.StartObject();
        w.Name("cores");
        w.Number(Environment.ProcessorCount);
        w.Name("runtime");
        w.String(Environment.Version.ToString());
        w.Name("figures");
        w.StartObject();
        foreach (var f in figures)
        {
            w.Name(f.Key);
            w.StartObject();
            w.Name("value");
            w.Number(Math.Round(f.Value, 3));
            w.Name("unit");
            w.String(f.Unit);
            w.Name("budget");
            w.Number(f.Budget);
            w.Name("within_budget");
            w.Bool(f.WithinBudget);
            w.Name("description");
            w.String(f.Description);
            w.EndObject();
        }

        w.EndObject();
        w.EndObject();
        return w.ToDocument();
    }
}
