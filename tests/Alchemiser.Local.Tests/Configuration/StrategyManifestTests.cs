using Alchemiser.Core.Configuration;
using Alchemiser.Core.Errors;

namespace Alchemiser.Local.Tests.Configuration;

public sealed class StrategyManifestTests : IDisposable
{
    private const string Source = "strategies.test.json";
    private readonly string _directory;

    public StrategyManifestTests()
    {
        _directory = Path.Combine(Path.GetTempPath(), "alchemiser-manifest-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
        foreach (var name in new[] { "a.clj", "b.clj", "c.clj" })
        {
            File.WriteAllText(Path.Combine(_directory, name), "(defsymphony \"x\" {} (asset \"SPY\"))");
        }
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static string Manifest(params (string File, string Weight)[] entries) =>
        "{\"strategies\": [" + string.Join(", ", entries.Select(e => "{\"file\": \"" + e.File + "\", \"weight\": " + e.Weight + "}")) + "]}";

    private StrategyManifest Parse(string json) => StrategyManifest.Parse(json, Source, _directory);

    private ConfigurationException Fails(string json)
    {
        var ex = Assert.Throws<ConfigurationException>(() => Parse(json));
        Assert.Equal(ErrorCategory.Configuration, ex.Category);
        Assert.StartsWith(Source + ": ", ex.Message);
        Assert.False(string.IsNullOrWhiteSpace(ex.RemediationHint));
        return ex;
    }

    [Fact]
    public void Valid_manifest_keeps_order_weights_paths_and_ids()
    {
        var manifest = Parse(Manifest(("b.clj", "0.3"), ("a.clj", "0.3"), ("c.clj", "0.4")));

        Assert.Equal(Source, manifest.SourceName);
        Assert.Equal(Path.GetFullPath(_directory), manifest.BaseDirectory);
        Assert.Equal(["b.clj", "a.clj", "c.clj"], manifest.Strategies.Select(s => s.File));
        Assert.Equal([0.3m, 0.3m, 0.4m], manifest.Strategies.Select(s => s.Weight));
        Assert.Equal(["b", "a", "c"], manifest.Strategies.Select(s => s.StrategyId));
        Assert.Equal(Path.Combine(Path.GetFullPath(_directory), "c.clj"), manifest.Strategies[2].FullPath);
        Assert.Equal(1m, manifest.Strategies.Sum(s => s.Weight));
    }

    [Fact]
    public void Single_strategy_with_weight_one_is_valid()
    {
        var manifest = Parse(Manifest(("a.clj", "1")));
        Assert.Single(manifest.Strategies);
        Assert.Equal(1m, manifest.Strategies[0].Weight);
    }

    [Fact]
    public void Weights_are_exact_decimals_so_tenths_sum_to_exactly_one()
    {
        // 0.1 + 0.2 + 0.7 is not 1 in binary floating point, but it is in decimal.
        var manifest = Parse(Manifest(("a.clj", "0.1"), ("b.clj", "0.2"), ("c.clj", "0.7")));
        Assert.Equal(0.1m, manifest.Strategies[0].Weight);
        Assert.Equal(3, manifest.Strategies.Count);
    }

    [Fact]
    public void Load_resolves_files_next_to_the_manifest_and_names_it_by_path()
    {
        var path = Path.Combine(_directory, "strategies.dev.json");
        File.WriteAllText(path, Manifest(("a.clj", "0.5"), ("c.clj", "0.5")));

        var manifest = StrategyManifest.Load(path);

        Assert.Equal(path, manifest.SourceName);
        Assert.Equal(Path.GetFullPath(_directory), manifest.BaseDirectory);
        Assert.True(File.Exists(manifest.Strategies[1].FullPath));
    }

    [Fact]
    public void LoadStage_reads_strategies_stage_json()
    {
        File.WriteAllText(Path.Combine(_directory, "strategies.qa.json"), Manifest(("b.clj", "1")));
        var manifest = StrategyManifest.LoadStage(_directory, "qa");
        Assert.Equal("b", manifest.Strategies[0].StrategyId);
        Assert.Equal("strategies.prod.json", StrategyManifest.FileNameForStage("prod"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Dev")]
    [InlineData("../dev")]
    [InlineData("-dev")]
    [InlineData("dev.json")]
    public void Invalid_stage_names_are_rejected(string stage)
    {
        var ex = Assert.Throws<ConfigurationException>(() => StrategyManifest.FileNameForStage(stage));
        Assert.Contains("stage", ex.Message);
        Assert.NotNull(ex.RemediationHint);
    }

    [Fact]
    public void Missing_manifest_file_is_a_configuration_error_naming_it()
    {
        var path = Path.Combine(_directory, "strategies.nope.json");
        var ex = Assert.Throws<ConfigurationException>(() => StrategyManifest.Load(path));
        Assert.Contains(path, ex.Message);
        Assert.Contains("not found", ex.Message);
        Assert.NotNull(ex.RemediationHint);
    }

    [Fact]
    public void Malformed_json_reports_the_manifest_and_the_line()
    {
        var ex = Fails("{\"strategies\": [\n  {\"file\": \"a.clj\", \"weight\": 1\n]}");
        Assert.Contains("not a valid strategy manifest at line 3", ex.Message);
        Assert.IsType<System.Text.Json.JsonException>(ex.InnerException, exactMatch: false);
    }

    [Theory]
    [InlineData("{\"strategies\": [{\"file\": \"a.clj\", \"wieght\": 1}]}")]
    [InlineData("{\"strategies\": [{\"file\": \"a.clj\", \"weight\": 1}], \"extra\": true}")]
    [InlineData("{\"strategies\": [{\"file\": \"a.clj\", \"weight\": 1, \"weight\": 1}]}")]
    [InlineData("{\"strategies\": [{\"file\": \"a.clj\", \"weight\": \"1\"}]}")]
    [InlineData("{\"strategies\": [{\"file\": \"a.clj\", \"weight\": 1},]}")]
    [InlineData("{\"strategies\": [{\"file\": \"a.clj\", \"weight\": 1}] // a comment\n}")]
    [InlineData("{\"strategies\": {\"a.clj\": 1}}")]
    [InlineData("[]")]
    [InlineData("")]
    public void Json_that_does_not_have_the_manifest_shape_is_rejected(string json)
    {
        var ex = Fails(json);
        Assert.Contains("not a valid strategy manifest", ex.Message);
    }

    [Theory]
    [InlineData("null", "the document is null")]
    [InlineData("{}", "has no \"strategies\" list")]
    [InlineData("{\"strategies\": null}", "has no \"strategies\" list")]
    [InlineData("{\"strategies\": []}", "lists no strategies")]
    [InlineData("{\"strategies\": [null]}", "entry #1 is null")]
    [InlineData("{\"strategies\": [{\"weight\": 1}]}", "entry #1 has no \"file\"")]
    [InlineData("{\"strategies\": [{\"file\": \" \", \"weight\": 1}]}", "entry #1 has no \"file\"")]
    [InlineData("{\"strategies\": [{\"file\": \"a.clj\", \"weight\": 0.5}, {\"file\": \"b.clj\"}]}", "strategy 'b.clj' (entry #2) has no \"weight\"")]
    [InlineData("{\"strategies\": [{\"file\": \"a.clj\", \"weight\": null}]}", "strategy 'a.clj' (entry #1) has no \"weight\"")]
    public void Missing_parts_are_named(string json, string expected)
    {
        var ex = Fails(json);
        Assert.Contains(expected, ex.Message);
    }

    [Theory]
    [InlineData("0", "has weight 0; every weight must be greater than 0")]
    [InlineData("0.0", "has weight 0; every weight must be greater than 0")]
    [InlineData("-0.25", "has weight -0.25; every weight must be greater than 0")]
    [InlineData("1.5", "has weight 1.5; no weight can exceed 1")]
    public void Weights_must_be_positive_and_at_most_one(string weight, string expected)
    {
        var ex = Fails(Manifest(("a.clj", "0.5"), ("b.clj", weight)));
        Assert.Contains("strategy 'b.clj' (entry #2) " + expected, ex.Message);
    }

    [Theory]
    [InlineData("0.3", "0.3", "0.3", "0.9")]
    [InlineData("0.4", "0.4", "0.4", "1.2")]
    [InlineData("0.3333333333", "0.3333333333", "0.3333333333", "0.9999999999")]
    [InlineData("0.3", "0.3", "0.4000000001", "1.0000000001")]
    [InlineData("0.30", "0.30", "0.30", "0.9")]
    public void Weights_must_sum_to_exactly_one_and_the_sum_is_reported(string a, string b, string c, string sum)
    {
        var ex = Fails(Manifest(("a.clj", a), ("b.clj", b), ("c.clj", c)));
        Assert.Equal(Source + ": weights sum to " + sum + ", not 1", ex.Message);
        Assert.Contains("exactly 1", ex.RemediationHint);
    }

    [Theory]
    [InlineData("a.clj")]
    [InlineData("A.clj")]
    public void A_file_listed_twice_is_rejected_naming_both_entries(string second)
    {
        var ex = Fails(Manifest(("a.clj", "0.25"), ("b.clj", "0.5"), (second, "0.25")));
        Assert.Contains("strategy '" + second + "' is listed twice (entries #1 and #3)", ex.Message);
    }

    [Fact]
    public void A_file_that_does_not_exist_next_to_the_manifest_is_rejected()
    {
        var ex = Fails(Manifest(("a.clj", "0.5"), ("missing.clj", "0.5")));
        Assert.Contains("strategy 'missing.clj' (entry #2) does not exist in " + Path.GetFullPath(_directory), ex.Message);
    }

    [Fact]
    public void File_names_are_case_sensitive_when_checking_existence_on_case_sensitive_file_systems()
    {
        if (File.Exists(Path.Combine(_directory, "A.clj")))
        {
            return; // case-insensitive file system: nothing to check here
        }

        var ex = Fails(Manifest(("A.clj", "1")));
        Assert.Contains("strategy 'A.clj' (entry #1) does not exist", ex.Message);
    }

    [Theory]
    [InlineData("../a.clj")]
    [InlineData("sub/a.clj")]
    [InlineData("sub\\\\a.clj")]
    [InlineData("..")]
    [InlineData(" a.clj")]
    [InlineData("C:a.clj")]
    public void File_names_must_be_plain_names_next_to_the_manifest(string file)
    {
        var ex = Fails(Manifest((file, "1")));
        Assert.Contains("is not a plain file name", ex.Message);
    }

    [Theory]
    [InlineData("a.txt")]
    [InlineData("a.CLJ")]
    [InlineData(".clj")]
    [InlineData("a")]
    public void Only_clj_files_are_strategies(string file)
    {
        var ex = Fails(Manifest((file, "1")));
        Assert.Contains("is not a .clj file", ex.Message);
    }

    [Fact]
    public void The_first_broken_entry_is_reported_before_the_sum()
    {
        var ex = Fails(Manifest(("a.clj", "0.2"), ("b.clj", "0"), ("missing.clj", "0.3")));
        Assert.Contains("'b.clj' (entry #2)", ex.Message);
    }
}
