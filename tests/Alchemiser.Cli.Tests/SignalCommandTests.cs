namespace Alchemiser.Cli.Tests;

/// <summary><c>alchemiser signal</c>: formats, exit codes, failures reported without stack traces.</summary>
public class SignalCommandTests
{
    private static readonly string Golden = File.ReadAllText(Path.Combine(CliHarness.RepositoryRoot, "tests", "Alchemiser.Dsl.Tests", "Golden", "demo.2024-01-16.json"));

    [Fact]
    public void Json_prints_the_result_object_byte_for_byte()
    {
        using var temp = new TempFolder();
        var prices = SpecPriceFolder.Create(temp);
        var demo = temp.File("demo.clj", SpecPriceFolder.Demo);

        var run = CliHarness.Run("signal", "--strategy", demo, "--prices", prices, "--as-of", "2024-01-16", "--json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(Golden, run.Stdout);
    }

    [Fact]
    public void Jsonl_prints_one_line_per_strategy_and_date_and_reports_failures_as_error_objects()
    {
        using var temp = new TempFolder();
        var prices = SpecPriceFolder.Create(temp);
        temp.File("strategies/demo.clj", SpecPriceFolder.Demo);
        temp.File("strategies/short.clj", """(defsymphony "Short" {} (if (> (rsi "AAA" 14) 50) [(asset "AAA")] [(asset "BBB")]))""");

        var run = CliHarness.Run("signal", "--strategy", Path.Combine(temp.Path, "strategies"), "--prices", prices, "--as-of", "2024-01-12", "2024-01-16", "--jsonl");

        Assert.Equal(1, run.ExitCode);
        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("""{"strategy":"demo","name":"Demo","as_of":"2024-01-12",""", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("""{"strategy":"demo","name":"Demo","as_of":"2024-01-16",""", lines[1], StringComparison.Ordinal);
        Assert.Equal("""{"strategy":"short","as_of":"2024-01-12","error":"short.clj:1:33: insufficient history: rsi(window=14) on AAA as of 2024-01-12 needs 14 bars, 9 available"}""", lines[2]);
        Assert.DoesNotContain("   at ", run.All, StringComparison.Ordinal);
    }

    [Fact]
    public void Table_output_lists_the_weights()
    {
        using var temp = new TempFolder();
        var prices = SpecPriceFolder.Create(temp);
        var demo = temp.File("demo.clj", SpecPriceFolder.Demo);

        var run = CliHarness.Run("signal", "-s", demo, "-p", prices, "-d", "2024-01-16");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("AAA", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("40.00", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("60.00", run.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2024-13-01", "--as-of '2024-13-01' is not a date")]
    [InlineData("yesterday", "--as-of 'yesterday' is not a date")]
    public void A_bad_date_is_one_clear_line(string date, string message)
    {
        using var temp = new TempFolder();
        var demo = temp.File("demo.clj", SpecPriceFolder.Demo);
        var run = CliHarness.Run("signal", "-s", demo, "-p", SpecPriceFolder.Create(temp), "-d", date);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains(message, run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.All, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_price_folder_names_it_and_says_how_to_create_one()
    {
        using var temp = new TempFolder();
        var demo = temp.File("demo.clj", SpecPriceFolder.Demo);
        var run = CliHarness.Run("signal", "-s", demo, "-p", Path.Combine(temp.Path, "nowhere"), "-d", "2024-01-16");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("does not exist", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("alchemiser data synth", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_price_file_is_reported_with_its_file_and_line_as_a_data_error()
    {
        using var temp = new TempFolder();
        var prices = SpecPriceFolder.Create(temp);
        temp.File("prices/AAA.csv", "date,open,high,low,close,volume\n2024-01-02,1,1,1,1,10\n2024-01-03,1,1,1,x,10\n");
        var demo = temp.File("demo.clj", SpecPriceFolder.Demo);

        var run = CliHarness.Run("signal", "-s", demo, "-p", prices, "-d", "2024-01-16", "--jsonl");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("AAA.csv:3: close 'x' is not a decimal number", run.Stdout, StringComparison.Ordinal);
        Assert.StartsWith("{\"strategy\":\"demo\",\"as_of\":\"2024-01-16\",\"error\":", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", run.All, StringComparison.Ordinal);
    }

    [Fact]
    public void Output_is_byte_identical_across_processes_time_zones_and_cultures()
    {
        using var temp = new TempFolder();
        var prices = SpecPriceFolder.Create(temp);
        var demo = temp.File("demo.clj", SpecPriceFolder.Demo);
        string[] args = ["signal", "-s", demo, "-p", prices, "-d", "2024-01-16", "--json"];

        var runs = new[]
        {
            CliHarness.RunProcess(new Dictionary<string, string> { ["TZ"] = "UTC", ["LANG"] = "en_US.UTF-8" }, args),
            CliHarness.RunProcess(new Dictionary<string, string> { ["TZ"] = "Asia/Tokyo", ["LANG"] = "tr_TR.UTF-8", ["LC_ALL"] = "tr_TR.UTF-8" }, args),
            CliHarness.RunProcess(new Dictionary<string, string> { ["TZ"] = "America/New_York", ["LANG"] = "de_DE.UTF-8", ["LC_ALL"] = "de_DE.UTF-8" }, args),
        };

        Assert.All(runs, r => Assert.Equal(0, r.ExitCode));
        Assert.All(runs, r => Assert.Equal(Golden, r.Stdout));
    }
}
