using Alchemiser.Core.Configuration;
using Alchemiser.Local.Tests.Synthetic;

namespace Alchemiser.Local.Tests.Configuration;

/// <summary>Checks the project's own strategy files and stage manifests, read from the repository.</summary>
public sealed class StrategyFilesTests
{
    private static readonly string[] OwnStrategies = ["nuclear.clj", "tecl.clj", "klm.clj"];

    private static string StrategiesDirectory => RepositoryPaths.Strategies;

    private static string Read(string file) => File.ReadAllText(Path.Combine(StrategiesDirectory, file));

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void Stage_manifest_is_valid_and_lists_every_own_strategy(string stage)
    {
        var manifest = StrategyManifest.LoadStage(StrategiesDirectory, stage);

        Assert.Equal(OwnStrategies.Order(StringComparer.Ordinal), manifest.Strategies.Select(s => s.File).Order(StringComparer.Ordinal));
        Assert.Equal(1m, manifest.Strategies.Sum(s => s.Weight));
        Assert.All(manifest.Strategies, s => Assert.True(File.Exists(s.FullPath)));
    }

    [Fact]
    public void Every_strategy_file_in_the_folder_is_in_both_manifests()
    {
        var files = Directory.GetFiles(StrategiesDirectory, "*.clj").Select(Path.GetFileName).Order(StringComparer.Ordinal);
        foreach (var stage in new[] { "dev", "prod" })
        {
            var listed = StrategyManifest.LoadStage(StrategiesDirectory, stage).Strategies.Select(s => s.File).Order(StringComparer.Ordinal);
            Assert.Equal(files, listed);
        }
    }

    [Fact]
    public void Prod_gives_the_most_aggressive_strategy_less_weight_than_dev()
    {
        decimal Weight(string stage) => StrategyManifest.LoadStage(StrategiesDirectory, stage).Strategies.Single(s => s.StrategyId == "tecl").Weight;
        Assert.True(Weight("prod") < Weight("dev"));
    }

    [Theory]
    [InlineData("nuclear.clj")]
    [InlineData("tecl.clj")]
    [InlineData("klm.clj")]
    public void Strategy_passes_the_structural_lint_with_windows_of_at_most_200(string file)
    {
        var text = Read(file);
        var (_, error) = SymphonyShape.ScanBrackets(text);
        Assert.Null(error);

        var report = SymphonyShape.Lint(text, maxWindow: 200);
        Assert.Empty(report.Problems);
    }

    [Theory]
    [InlineData("nuclear.clj")]
    [InlineData("tecl.clj")]
    [InlineData("klm.clj")]
    public void Strategy_uses_if_group_filter_and_at_least_four_indicators(string file)
    {
        var text = Read(file);
        var report = SymphonyShape.Lint(text);

        Assert.True(report.Count("if") >= 3, file + ": if");
        Assert.True(report.Count("group") >= 2, file + ": group");
        Assert.True(report.Count("filter") >= 1, file + ": filter");
        Assert.True(report.Indicators.Count >= 4, file + ": " + string.Join(", ", report.Indicators));
        Assert.True(report.IndicatorVsIndicator >= 1, file + ": compares two indicators somewhere");

        // Text-level too, independent of the reader.
        Assert.Contains("(if ", text);
        Assert.Contains("(group ", text);
        Assert.Contains("(filter ", text);
        Assert.True(SymphonyShape.IndicatorNames.Count(n => text.Contains("(" + n + " ", StringComparison.Ordinal)) >= 4);
    }

    [Theory]
    [InlineData("nuclear.clj", "Nuclear Renaissance")]
    [InlineData("tecl.clj", "TECL Momentum Guard")]
    [InlineData("klm.clj", "KLM Ensemble")]
    public void Strategy_is_a_daily_equities_defsymphony_with_explanatory_comments(string file, string name)
    {
        var text = Read(file);
        Assert.Contains("(defsymphony \"" + name + "\" {:asset-class \"EQUITIES\" :rebalance-frequency :daily}", text);
        var commentLines = text.Split('\n').Count(l => l.TrimStart().StartsWith(';'));
        Assert.True(commentLines >= 10, $"{file}: {commentLines} comment lines");
        Assert.DoesNotContain('\r', text);
        Assert.DoesNotContain('\t', text);
    }

    [Fact]
    public void Nuclear_hedges_with_volatility_and_rotates_nuclear_names_by_momentum()
    {
        var report = SymphonyShape.Lint(Read("nuclear.clj"));
        Assert.Superset(new HashSet<string>(["UVXY", "VIXY", "NLR", "URA", "CCJ", "SMR", "OKLO", "XLE", "TLT", "BIL"]), report.AssetTickers);
        Assert.Equal(1, report.Count("weight-inverse-volatility"));
        Assert.Equal(0, report.GroupFilters);
    }

    [Fact]
    public void Tecl_holds_leveraged_tech_behind_volatility_and_trend_guards()
    {
        var text = Read("tecl.clj");
        var report = SymphonyShape.Lint(text);
        Assert.Superset(new HashSet<string>(["TECL", "TQQQ", "SOXL", "UVXY", "TLT", "BIL", "SQQQ"]), report.AssetTickers);
        Assert.Contains("(moving-average-price \"QQQ\" {:window 200})", text);
        Assert.Contains("percentage-price-oscillator-signal", report.Indicators);
    }

    [Fact]
    public void Klm_selects_among_variant_groups_in_portfolio_mode()
    {
        var text = Read("klm.clj");
        var report = SymphonyShape.Lint(text);

        Assert.Equal(1, report.GroupFilters);
        Assert.Equal([10], report.GroupFilterWindows);
        Assert.Equal(1, report.HistoryScoredGroupFilters);
        Assert.Contains("(filter (moving-average-return {:window 10}) (select-top 2)\n             [(group \"KLM variant A", text);
        Assert.Equal(4, SymphonyShape.CountGroups(text) - 2); // four variants plus the ensemble and ballast groups
        Assert.True(report.Count("select-bottom") >= 1);
        Assert.True(report.Count("weight-inverse-volatility") + report.Count("weight-specified") >= 2);
    }

    [Theory]
    [InlineData("nuclear.clj", "BIL BWXT CCJ IEF LEU NLR OKLO QQQ SMR SPY TLT TNA TQQQ UPRO URA URNM UVXY VDE VIXY XLE XOP")]
    [InlineData("tecl.clj", "BIL IEF QQQ SHY SOXL SPY SQQQ TECL TLT TQQQ UVXY XLK")]
    [InlineData("klm.clj", "BIL GLD IEF IWM QQQ SOXL SOXX SPY TECL TLT TQQQ UPRO UUP UVXY VIXY XLK")]
    public void Strategy_needs_exactly_these_tickers(string file, string tickers)
    {
        // The price data a run must provide; change deliberately together with the datalake.
        var report = SymphonyShape.Lint(Read(file));
        Assert.Equal(tickers.Split(' '), report.Tickers.Order(StringComparer.Ordinal));
    }
}
