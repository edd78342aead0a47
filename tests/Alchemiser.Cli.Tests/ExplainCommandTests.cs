namespace Alchemiser.Cli.Tests;

/// <summary><c>alchemiser explain</c>: the decision path and the ranking tables a user reads.</summary>
public class ExplainCommandTests
{
    [Fact]
    public void Explain_shows_conditions_values_branches_and_filter_rankings()
    {
        using var temp = new TempFolder();
        var prices = SpecPriceFolder.Create(temp);
        var demo = temp.File("demo.clj", SpecPriceFolder.Demo);

        var run = CliHarness.Run("explain", "--strategy", demo, "--prices", prices, "--as-of", "2024-01-16");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("if (> (rsi \"AAA\" {:window 3}) 80)", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("left 81.73624802305176 · right 80 → true → then", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("filter (rsi {:window 5}) · top 1 · assets", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("79.32344217690053", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("needs 5 bars, 3 available", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("allocation", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void An_evaluation_error_is_one_line_with_its_position()
    {
        using var temp = new TempFolder();
        var prices = SpecPriceFolder.Create(temp);
        var file = temp.File("x.clj", "(defsymphony \"x\" {} (if (> (rsi \"AAA\" 30) 1) [(asset \"A\")] [(asset \"B\")]))");

        var run = CliHarness.Run("explain", "-s", file, "-p", prices, "-d", "2024-01-16");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("x.clj:1:29: insufficient history: rsi(window=30) on AAA as of 2024-01-16 needs 30 bars, 10 available", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.All, StringComparison.Ordinal);
    }
}
