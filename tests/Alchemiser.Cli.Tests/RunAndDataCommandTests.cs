namespace Alchemiser.Cli.Tests;

/// <summary><c>alchemiser data synth</c> and <c>alchemiser run</c> on the project's own strategies, no network.</summary>
public class RunAndDataCommandTests
{
    private static string Strategies => Path.Combine(CliHarness.RepositoryRoot, "strategies");

    [Fact]
    public void Synth_for_the_strategies_then_run_prints_a_consolidated_target()
    {
        using var temp = new TempFolder();
        var prices = Path.Combine(temp.Path, "prices");

        var synth = CliHarness.Run("data", "synth", "--out", prices, "--strategies", Path.Combine(Strategies, "strategies.dev.json"), "--to", "2025-06-30", "--years", "3");
        Assert.True(synth.ExitCode == 0, synth.All);
        Assert.True(File.Exists(Path.Combine(prices, "SPY.csv")));

        var run = CliHarness.Run("run", "--stage", "dev", "--strategies", Strategies, "--prices", prices);
        Assert.True(run.ExitCode == 0, run.All);
        Assert.Contains("as of 2025-06-30", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("consolidated target portfolio", run.Stdout, StringComparison.Ordinal);
        foreach (var id in new[] { "nuclear", "tecl", "klm" })
        {
            Assert.Contains(id, run.Stdout, StringComparison.Ordinal);
        }
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
