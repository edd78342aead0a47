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
