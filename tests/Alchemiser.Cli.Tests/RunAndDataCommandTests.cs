namespace Alchemiser.Cli.Tests;

/// <summary><c>alchemiser data synth</c> and <c>alchemiser run</c> on the project's own strategies, no network.</summary>
public class RunAndDataCommandTests
{
    private static string Strategies => Path.Combine(CliHarness.RepositoryRoot, "strategies");

    [Fact]
    public void Run_until_signal_prints_the_consolidated_target_writes_the_session_and_refuses_a_second_run()
    {
        using var temp = new TempFolder();
        var prices = Path.Combine(temp.Path, "prices");
        var database = Path.Combine(temp.Path, "state", "alchemiser.db");
        string[] run =
        [
            "run", "--until", "signal", "--stage", "dev", "--date", "2025-06-30", "--strategies", Strategies, "--prices", prices,
            "--db", database, "--template", Path.Combine(CliHarness.RepositoryRoot, "template.yaml"),
        ];

        var synth = CliHarness.Run("data", "synth", "--out", prices, "--strategies", Path.Combine(Strategies, "strategies.dev.json"), "--to", "2025-06-30", "--years", "3");
        Assert.True(synth.ExitCode == 0, synth.All);
        Assert.True(File.Exists(Path.Combine(prices, "SPY.csv")));

        var first = CliHarness.Run(run);
        Assert.True(first.ExitCode == 0, first.All);
        Assert.Contains("2025-06-30 · started", first.Stdout, StringComparison.Ordinal);
        Assert.Contains("consolidated target portfolio", first.Stdout, StringComparison.Ordinal);
        Assert.Contains("3 of 3 strategies", first.Stdout, StringComparison.Ordinal);
        foreach (var id in new[] { "nuclear", "tecl", "klm" })
        {
            Assert.Contains(id, first.Stdout, StringComparison.Ordinal);
        }

        Assert.True(File.Exists(database));
        var logLines = File.ReadAllLines(Path.Combine(temp.Path, "state", "logs", "alchemiser.jsonl"));
        Assert.NotEmpty(logLines);

        var second = CliHarness.Run(run);
        Assert.True(second.ExitCode == 0, second.All);
        Assert.Contains("already exists", second.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_trades_the_whole_day_writes_the_report_then_places_no_order_on_a_second_run_and_status_shows_the_positions()
    {
        using var temp = new TempFolder();
        var prices = Path.Combine(temp.Path, "prices");
        var database = Path.Combine(temp.Path, "state", "alchemiser.db");
        var reports = Path.Combine(temp.Path, "reports");
        string[] run =
        [
            "run", "--stage", "dev", "--date", "2025-06-30", "--strategies", Strategies, "--prices", prices, "--db", database,
            "--reports", reports, "--template", Path.Combine(CliHarness.RepositoryRoot, "template.yaml"),
        ];
        var synth = CliHarness.Run("data", "synth", "--out", prices, "--strategies", Path.Combine(Strategies, "strategies.dev.json"), "--to", "2025-06-30", "--years", "3");
        Assert.True(synth.ExitCode == 0, synth.All);

        var first = CliHarness.Run(run);

        Assert.True(first.ExitCode == 0, first.All);
        foreach (var stage in new[] { "strategy 3/3", "signal:", "plan:", "execution:", "run completed", "orders", "account value 100,000.00 →" })
        {
            Assert.Contains(stage, first.Stdout, StringComparison.Ordinal);
        }

        var day = Path.Combine(reports, "2025-06-30");
        Assert.Contains("report: " + Path.Combine(day, "report.html"), first.Stdout, StringComparison.Ordinal);
        foreach (var file in new[] { "report.html", "orders.csv", "allocations.csv", "email.txt", "email-report.txt" })
        {
            Assert.True(File.Exists(Path.Combine(day, file)), file);
        }

        var second = CliHarness.Run(run);
        Assert.True(second.ExitCode == 0, second.All);
        Assert.Contains("No order was placed", second.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("plan:", second.Stdout, StringComparison.Ordinal);

        var status = CliHarness.Run("status", "--db", database, "--prices", prices, "--date", "2025-06-30");
        Assert.True(status.ExitCode == 0, status.All);
        Assert.Contains("positions", status.Stdout, StringComparison.Ordinal);
        Assert.Contains("SOXL", status.Stdout, StringComparison.Ordinal);
        Assert.Contains("klm, nuclear, tecl", status.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Status_without_local_state_says_to_run_first()
    {
        using var temp = new TempFolder();

        var status = CliHarness.Run("status", "--db", Path.Combine(temp.Path, "none.db"), "--prices", temp.Path);

        Assert.Equal(1, status.ExitCode);
        Assert.Contains("no local state", status.Stderr, StringComparison.Ordinal);
        Assert.Contains("make run", status.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_on_a_holiday_is_skipped()
    {
        using var temp = new TempFolder();
        var prices = Path.Combine(temp.Path, "prices");
        Directory.CreateDirectory(prices);
        var run = CliHarness.Run(
            "run", "--date", "2025-12-25", "--strategies", Strategies, "--prices", prices, "--db", Path.Combine(temp.Path, "a.db"),
            "--template", Path.Combine(CliHarness.RepositoryRoot, "template.yaml"));
        Assert.True(run.ExitCode == 0, run.All);
        Assert.Contains("skipped: market closed on 2025-12-25: Christmas Day", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Synth_is_deterministic_for_a_seed()
    {
        using var temp = new TempFolder();
        string Generate(string name, string seed)
        {
            var folder = Path.Combine(temp.Path, name);
            var run = CliHarness.Run("data", "synth", "--out", folder, "--symbols", "SPY,TQQQ", "UVXY", "--to", "2024-12-31", "--years", "2", "--seed", seed);
            Assert.True(run.ExitCode == 0, run.All);
            return string.Join("\n", Directory.GetFiles(folder).Order(StringComparer.Ordinal).Select(File.ReadAllText));
        }

        Assert.Equal(Generate("a", "7"), Generate("b", "7"));
        Assert.NotEqual(Generate("c", "7"), Generate("d", "8"));
    }

    [Fact]
    public void Synth_without_symbols_says_what_to_give()
    {
        using var temp = new TempFolder();
        var run = CliHarness.Run("data", "synth", "--out", temp.Path);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("no symbols to generate", run.Stderr, StringComparison.Ordinal);
    }
}
