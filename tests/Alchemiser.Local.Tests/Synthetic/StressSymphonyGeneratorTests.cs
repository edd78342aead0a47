using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Alchemiser.Local.Synthetic;
using Xunit.Abstractions;

namespace Alchemiser.Local.Tests.Synthetic;

/// <summary>Generates the default stress file once for the whole class (it takes a moment).</summary>
public sealed class DefaultStressSymphonyFixture
{
    public DefaultStressSymphonyFixture()
    {
        Symphony = StressSymphonyGenerator.Generate();
        Report = SymphonyShape.Lint(Symphony.Text);
    }

    public StressSymphony Symphony { get; }

    public ShapeReport Report { get; }
}

public sealed class StressSymphonyGeneratorTests(DefaultStressSymphonyFixture fixture, ITestOutputHelper output)
    : IClassFixture<DefaultStressSymphonyFixture>
{
    private const int TwoMegabytes = 2 * 1024 * 1024;

    // SHA-256 of Generate(new() { TargetBytes = 100_000, TargetGroups = 30, TargetDepth = 40 }).Text.
    private const string PinnedHash = "9349D94A47FC5BAB9329B76FE1EB6445ABF3CE8D5B420B4D9699CE6ED08E0C0A";

    private StressSymphony Default => fixture.Symphony;

    [Fact]
    public void Defaults_are_at_least_two_megabytes_of_utf8()
    {
        var bytes = Encoding.UTF8.GetByteCount(Default.Text);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{bytes} bytes, {Default.Text.Count(c => c == '\n')} lines, {Default.GroupCount} groups, depth {Default.MaxDepth}, {Default.Tickers.Count} tickers"));

        Assert.True(bytes >= TwoMegabytes, $"{bytes} bytes");
        Assert.Equal(bytes, Default.Utf8Bytes);
        Assert.True(bytes >= new StressSymphonyOptions().TargetBytes);
    }

    [Fact]
    public void Defaults_have_at_least_600_groups()
    {
        var groups = SymphonyShape.CountGroups(Default.Text);
        Assert.True(groups >= 600, $"{groups} groups");
        Assert.Equal(groups, Default.GroupCount);
        Assert.Equal(groups, fixture.Report.Count("group"));
    }

    [Fact]
    public void Defaults_reach_bracket_depth_of_exactly_the_target_and_at_least_200()
    {
        var (depth, error) = SymphonyShape.ScanBrackets(Default.Text);
        Assert.Null(error);
        Assert.True(depth >= 200, $"depth {depth}");
        Assert.Equal(new StressSymphonyOptions().TargetDepth, depth);
        Assert.Equal(depth, Default.MaxDepth);
    }

    [Fact]
    public void Defaults_use_at_least_250_distinct_asset_tickers_and_report_every_ticker()
    {
        var assets = SymphonyShape.AssetTickers(Default.Text);
        Assert.True(assets.Count >= 250, $"{assets.Count} asset tickers");
        Assert.Contains("BRK/B", assets);
        Assert.Contains("BF/B", assets);
        Assert.Contains("T001", assets);

        // Tickers = every ticker anywhere (assets and indicator arguments), sorted ordinally, no duplicates.
        Assert.Equal(fixture.Report.Tickers.Order(StringComparer.Ordinal), Default.Tickers);
        Assert.Superset(assets, Default.Tickers.ToHashSet(StringComparer.Ordinal));
    }

    [Fact]
    public void Default_file_passes_the_structural_lint()
    {
        Assert.Empty(fixture.Report.Problems);
        Assert.Equal(1, fixture.Report.Count("defsymphony"));
    }

    [Fact]
    public void Default_file_uses_every_indicator_and_both_comparison_shapes()
    {
        var report = fixture.Report;
        Assert.Equal(SymphonyShape.IndicatorNames.Order(StringComparer.Ordinal), report.Indicators.Order(StringComparer.Ordinal));
        Assert.True(report.IndicatorVsNumber > 100, $"{report.IndicatorVsNumber} indicator-vs-number comparisons");
        Assert.True(report.IndicatorVsIndicator > 30, $"{report.IndicatorVsIndicator} indicator-vs-indicator comparisons");
        Assert.Contains("(> (rsi \"", Default.Text);
    }

    [Fact]
    public void Default_file_mixes_every_combinator_realistically()
    {
        var report = fixture.Report;
        output.WriteLine(string.Join(", ", report.Heads.OrderBy(h => h.Key, StringComparer.Ordinal).Select(h => h.Key + "=" + h.Value.ToString(CultureInfo.InvariantCulture))));

        Assert.True(report.Count("if") >= 1000, $"{report.Count("if")} ifs");
        Assert.True(report.Count("weight-equal") >= 600);
        Assert.True(report.Count("weight-specified") >= 50);
        Assert.True(report.Count("weight-inverse-volatility") >= 50);
        Assert.True(report.Count("select-top") > report.Count("select-bottom"));
        Assert.True(report.Count("select-bottom") >= 50);
        Assert.True(report.AssetFilters >= 200, $"{report.AssetFilters} asset filters");
        Assert.True(report.GroupFilters >= 20, $"{report.GroupFilters} group filters");
        Assert.True(report.HistoryScoredGroupFilters >= report.GroupFilters * 8 / 10);
    }

    [Fact]
    public void Filters_over_groups_use_windows_5_to_20_and_nest_at_most_the_configured_depth()
    {
        var report = fixture.Report;
        Assert.All(report.GroupFilterWindows, w => Assert.InRange(w, 5, 20));
        Assert.InRange(report.MaxGroupFilterNesting, 1, new StressSymphonyOptions().MaxGroupFilterNesting);
    }

    [Fact]
    public void Text_is_pretty_printed_like_an_export()
    {
        var text = Default.Text;
        var lines = text.Split('\n');
        Assert.True(lines.Length > 10_000, $"{lines.Length} lines");
        Assert.EndsWith(")\n", text);
        Assert.DoesNotContain('\r', text);
        Assert.DoesNotContain('\t', text);

        // Deep content is indented deeply: some line starts after at least 190 spaces.
        Assert.Contains(lines, l => l.Length > 190 && l[..190].All(c => c == ' ') && l[190] != '\n');

        // A long if-chain: an if whose else branch opens another if right away, many times over.
        Assert.True(CountOccurrences(text, "[(if ") > 300);
    }

    [Fact]
    public void Same_seed_gives_identical_text_and_different_seeds_differ()
    {
        var options = new StressSymphonyOptions { TargetBytes = 200_000, TargetGroups = 60, TargetDepth = 60 };
        var a = StressSymphonyGenerator.Generate(options);
        var b = StressSymphonyGenerator.Generate(options);
        var c = StressSymphonyGenerator.Generate(options with { Seed = options.Seed + 1 });

        Assert.Equal(a.Text, b.Text);
        Assert.Equal(a.Tickers, b.Tickers);
        Assert.NotEqual(a.Text, c.Text);
        Assert.Equal(Default.Text, StressSymphonyGenerator.Generate().Text);
    }

    [Fact]
    public void Output_does_not_depend_on_the_current_culture()
    {
        var options = new StressSymphonyOptions { TargetBytes = 150_000, TargetGroups = 40, TargetDepth = 50 };
        var expected = StressSymphonyGenerator.Generate(options).Text;
        var saved = CultureInfo.CurrentCulture;
        try
        {
            foreach (var culture in new[] { "tr-TR", "de-DE", "ar-SA" })
            {
                CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
                Assert.Equal(expected, StressSymphonyGenerator.Generate(options).Text);
            }
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void Output_is_pinned_across_processes_and_platforms()
    {
        // The generator uses its own PRNG and invariant formatting, so this hash is the same everywhere. If a
        // deliberate change to the generator alters it, update the hash (and expect benchmark baselines to move).
        var symphony = StressSymphonyGenerator.Generate(new StressSymphonyOptions { TargetBytes = 100_000, TargetGroups = 30, TargetDepth = 40 });
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(symphony.Text)));
        output.WriteLine(hash);
        Assert.Equal(PinnedHash, hash);
    }

    [Theory]
    [InlineData(16, 20_000, 5)]
    [InlineData(40, 100_000, 30)]
    [InlineData(300, 600_000, 100)]
    [InlineData(1000, 3_000_000, 10)]
    public void Options_drive_size_groups_and_exact_depth(int depth, int bytes, int groups)
    {
        var symphony = StressSymphonyGenerator.Generate(new StressSymphonyOptions
        {
            TargetDepth = depth, TargetBytes = bytes, TargetGroups = groups, Seed = 7,
        });

        var (scanned, error) = SymphonyShape.ScanBrackets(symphony.Text);
        Assert.Null(error);
        Assert.Equal(depth, scanned);
        Assert.True(symphony.Utf8Bytes >= bytes);
        Assert.True(SymphonyShape.CountGroups(symphony.Text) >= groups);
        Assert.Empty(SymphonyShape.Lint(symphony.Text).Problems);
    }

    [Fact]
    public void Group_filter_nesting_follows_the_option()
    {
        var flat = SymphonyShape.Lint(StressSymphonyGenerator.Generate(new StressSymphonyOptions
        {
            TargetBytes = 400_000, TargetGroups = 100, TargetDepth = 60, MaxGroupFilterNesting = 0,
        }).Text);
        Assert.Empty(flat.Problems);
        Assert.Equal(0, flat.GroupFilters);

        var one = SymphonyShape.Lint(StressSymphonyGenerator.Generate(new StressSymphonyOptions
        {
            TargetBytes = 400_000, TargetGroups = 100, TargetDepth = 60, MaxGroupFilterNesting = 1,
        }).Text);
        Assert.True(one.GroupFilters > 0);
        Assert.Equal(1, one.MaxGroupFilterNesting);
    }

    [Fact]
    public void Ticker_count_sizes_the_universe()
    {
        var symphony = StressSymphonyGenerator.Generate(new StressSymphonyOptions { TickerCount = 40, TargetBytes = 300_000, TargetDepth = 40 });
        Assert.Equal(StressSymphonyUniverse.Tickers(40).Order(StringComparer.Ordinal), symphony.Tickers);
    }

    [Fact]
    public void Universe_is_deterministic_and_valid()
    {
        var universe = StressSymphonyUniverse.Tickers(300);
        Assert.Equal(300, universe.Count);
        Assert.Equal(300, universe.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal("SPY", universe[0]);
        Assert.Equal("T001", universe[StressSymphonyUniverse.ListedCount]);
        Assert.Contains("BRK/B", universe.Take(StressSymphonyUniverse.SignalCount));
        Assert.All(universe, t => Assert.Matches("^[A-Z0-9][A-Z0-9./:_-]{0,31}$", t));
        Assert.Equal(StressSymphonyUniverse.DisplayName("SPY"), StressSymphonyUniverse.DisplayName("SPY"));
        Assert.EndsWith(" ETF", StressSymphonyUniverse.DisplayName("T001"));
        Assert.Throws<ArgumentOutOfRangeException>(() => StressSymphonyUniverse.Tickers(3));
    }

    [Theory]
    [InlineData(nameof(StressSymphonyOptions.TargetDepth), 15)]
    [InlineData(nameof(StressSymphonyOptions.TargetDepth), 1001)]
    [InlineData(nameof(StressSymphonyOptions.TickerCount), 39)]
    [InlineData(nameof(StressSymphonyOptions.TargetBytes), -1)]
    [InlineData(nameof(StressSymphonyOptions.SpinePercent), 5)]
    [InlineData(nameof(StressSymphonyOptions.MaxGroupFilterNesting), -1)]
    public void Out_of_range_options_are_rejected(string option, int value)
    {
        var options = option switch
        {
            nameof(StressSymphonyOptions.TargetDepth) => new StressSymphonyOptions { TargetDepth = value },
            nameof(StressSymphonyOptions.TickerCount) => new StressSymphonyOptions { TickerCount = value },
            nameof(StressSymphonyOptions.TargetBytes) => new StressSymphonyOptions { TargetBytes = value },
            nameof(StressSymphonyOptions.SpinePercent) => new StressSymphonyOptions { SpinePercent = value },
            _ => new StressSymphonyOptions { MaxGroupFilterNesting = value },
        };
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => StressSymphonyGenerator.Generate(options));
        Assert.Equal(option, ex.ParamName);
    }

    [Fact]
    public void A_name_that_would_need_escaping_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => StressSymphonyGenerator.Generate(new StressSymphonyOptions { Name = "a\"b" }));
    }

    private static int CountOccurrences(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
