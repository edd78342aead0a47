using System.CommandLine;
using System.Globalization;
using Alchemiser.Cli.Brokerage;
using Alchemiser.Cli.Doctor;
using Alchemiser.Core.Errors;
using Spectre.Console;

namespace Alchemiser.Cli.Commands;

/// <summary>
/// <c>alchemiser doctor</c>: checks the configuration (<see cref="ConfigurationDoctor"/>) and prints a checklist, ✓ or ✗
/// per line and, under each ✗, how to fix it. Exit code 0 when nothing failed, 1 otherwise. Never prints a key.
/// </summary>
public static class DoctorCommand
{
    private const int NameWidth = 16;

    public static Command Create(CliContext context)
    {
        var stage = new Option<string>("--stage") { Description = "Stage whose strategies.<stage>.json must parse (default: ALCHEMISER_STAGE, else dev)" };
        var strategies = new Option<string>("--strategies") { Description = "Folder holding the strategies and manifests", DefaultValueFactory = _ => "strategies" };
        var prices = new Option<string>("--prices", "-p") { Description = "Local price folder to check (default: .local/prices when it exists)" };
        var datalake = new Option<string>("--datalake") { Description = "S3 datalake to check, s3://bucket[/prefix] (default: ALCHEMISER_DATALAKE_BUCKET)" };
        var aws = new Option<bool>("--aws") { Description = "Also check the AWS settings: region, endpoint, credentials, the Alpaca secret" };
        var timeout = new Option<double>("--timeout") { Description = "Seconds one network call may take", DefaultValueFactory = _ => 5 };
        var secret = AlpacaOptionsCli.SecretOption();
        var command = new Command("doctor", "Check the configuration: Alpaca keys and reachability, paper or live, market clock, strategies, price data, AWS")
        {
            stage, strategies, prices, datalake, aws, timeout, secret,
        };
        command.SetAction(parse => CliApp.Guard(context, () =>
        {
            var seconds = parse.GetValue(timeout);
            if (seconds is < 0.1 or > 120)
            {
                throw new ConfigurationException(string.Create(CultureInfo.InvariantCulture, $"--timeout must be between 0.1 and 120 seconds, got {seconds}"));
            }

            var pricesGiven = parse.GetValue(prices);
            var bucket = context.Setting("ALCHEMISER_DATALAKE_BUCKET");
            var settings = new DoctorSettings(
                parse.GetValue(stage) ?? context.Setting("ALCHEMISER_STAGE") ?? "dev",
                parse.GetValue(strategies)!,
                pricesGiven ?? ".local/prices",
                pricesGiven is not null,
                parse.GetValue(datalake) ?? (bucket is null ? null : "s3://" + bucket),
                parse.GetValue(secret),
                parse.GetValue(aws),
                TimeSpan.FromSeconds(seconds));
            var checks = new ConfigurationDoctor(context, settings).RunAsync(check => Print(context, check)).GetAwaiter().GetResult();
            var failed = checks.Where(c => c.Status == CheckStatus.Failed).ToList();
            var passed = checks.Count(c => c.Status == CheckStatus.Passed);
            if (failed.Count == 0)
            {
                context.Ui.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"[green]all {passed} checks passed[/]"));
                return 0;
            }

            context.Error(
                string.Create(CultureInfo.InvariantCulture, $"{failed.Count} of {failed.Count + passed} checks failed: {string.Join(", ", failed.Select(f => f.Name))}"),
                "fix the ✗ lines above, then run alchemiser doctor again");
            return CliApp.Failure;
        }));
        return command;
    }

    private static void Print(CliContext context, DoctorCheck check)
    {
        var mark = check.Status switch
        {
            CheckStatus.Passed => "[green]✓[/]",
            CheckStatus.Failed => "[red]✗[/]",
            _ => "[grey]·[/]",
        };
        var detail = check.Status == CheckStatus.Skipped ? "[grey]" + Markup.Escape(check.Detail) + "[/]" : Markup.Escape(check.Detail);
        context.Ui.MarkupLine($"{mark} {Markup.Escape(check.Name.PadRight(NameWidth))}{detail}");
        if (check.Status == CheckStatus.Failed && !string.IsNullOrEmpty(check.Fix))
        {
            context.Ui.MarkupLine($"  {new string(' ', NameWidth)}[grey]fix:[/] {Markup.Escape(check.Fix)}");
        }
    }
}
