namespace Alchemiser.Cli.Tests;

/// <summary><c>alchemiser validate</c>: each kind of mistake is reported at its line:col with a hint.</summary>
public class ValidateCommandTests
{
    private static CliRun Validate(string content, bool withPrices = false)
    {
        using var temp = new TempFolder();
        var file = temp.File("t.clj", content);
        return withPrices
            ? CliHarness.Run("validate", file, "--prices", SpecPriceFolder.Create(temp))
            : CliHarness.Run("validate", file);
    }

    [Theory]
    [InlineData(
        "(defsymphony \"N\" {:rebalance-frequency :daily}\n  (weight-equal\n    [(if (> (rsii \"SPY\" {:window 10}) 79)\n         [(asset \"UVXY\")]\n         [(asset \"SPY\")])]))",
        "t.clj:3:14: unknown function 'rsii' (did you mean 'rsi'?)")]
    [InlineData("(defsymphony \"x\" {} (weight-equal [(asset \"SPY\")])", "t.clj:1:1: '(' is never closed")]
    [InlineData("(defsymphony \"x\" {} (if (> (rsi \"SPY\" {:window}) 1) [(asset \"A\")] [(asset \"B\")]))", "t.clj:1:39: map literal needs an even number of forms")]
    [InlineData("(defsymphony \"x\" {} (if (> (rsi \"SPY\" 10)) [(asset \"A\")] [(asset \"B\")]))", "t.clj:1:26:")]
    public void A_mistake_is_reported_at_its_line_and_column_with_a_hint(string content, string expected)
    {
        var run = Validate(content);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains(expected, run.Stdout, StringComparison.Ordinal);
        Assert.Contains("hint:", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("0 of 1 file(s) valid", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_ticker_is_reported_where_it_is_first_used_when_prices_are_given()
    {
        var run = Validate("(defsymphony \"x\" {}\n  (weight-equal [(asset \"AAA\")\n                 (asset \"XYZ\")]))", withPrices: true);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("t.clj:3:25: unknown ticker 'XYZ': no XYZ.csv in", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("hint:", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_valid_file_reports_its_shape()
    {
        var run = Validate(SpecPriceFolder.Demo, withPrices: true);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("✓ t.clj", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("groups", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("depth", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("functions: >, asset, defsymphony, filter, if, rsi, select-top, weight-specified", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("tickers:   AAA, BBB, CCC", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void The_projects_strategies_and_stage_manifests_validate()
    {
        var run = CliHarness.Run("validate", Path.Combine(CliHarness.RepositoryRoot, "strategies"));
        Assert.True(run.ExitCode == 0, run.All);
        Assert.Contains("strategies.dev.json", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("strategies.prod.json", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_manifest_with_a_bad_weight_sum_fails()
    {
        using var temp = new TempFolder();
        temp.File("a.clj", SpecPriceFolder.Demo);
        var manifest = temp.File("strategies.dev.json", """{"strategies": [{"file": "a.clj", "weight": 0.5}]}""");
        var run = CliHarness.Run("validate", manifest);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("strategies.dev.json", run.Stdout, StringComparison.Ordinal);
    }
}
