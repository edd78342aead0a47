using System.Diagnostics;
using System.Globalization;
using System.Text;
using Alchemiser.Local.Synthetic;
using Xunit.Abstractions;

namespace Alchemiser.Local.Tests.Synthetic;

public sealed class StressSymphonyDeepGeneratorTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(1000)]
    [InlineData(2047)]
    [InlineData(50_000)]
    public void NestedWeightEqual_has_the_documented_depth_and_shape(int levels)
    {
        var symphony = DeepSymphonyGenerator.NestedWeightEqual(levels);
        var (depth, error) = SymphonyShape.ScanBrackets(symphony.Text);

        Assert.Null(error);
        Assert.Equal((2 * levels) + 2, depth);
        Assert.Equal(depth, symphony.MaxDepth);
        Assert.Equal(levels, CountOccurrences(symphony.Text, "(weight-equal ["));
        Assert.Equal(1, CountOccurrences(symphony.Text, "(asset \"A\")"));
        Assert.Equal(["A"], symphony.Tickers);
        Assert.Equal(0, symphony.GroupCount);
        Assert.StartsWith("(defsymphony \"Nested weight-equal " + levels.ToString(CultureInfo.InvariantCulture) + "\" {", symphony.Text);
        Assert.EndsWith(")\n", symphony.Text);
        Assert.Equal(Encoding.UTF8.GetByteCount(symphony.Text), symphony.Utf8Bytes);
    }

    [Fact]
    public void NestedWeightEqual_2047_levels_is_exactly_the_parser_limit_of_4096()
    {
        Assert.Equal(4096, SymphonyShape.ScanBrackets(DeepSymphonyGenerator.NestedWeightEqual(2047).Text).MaxDepth);
    }

    [Fact]
    public void NestedWeightEqual_small_cases_pass_the_lint()
    {
        Assert.Empty(SymphonyShape.Lint(DeepSymphonyGenerator.NestedWeightEqual(0).Text).Problems);
        Assert.Empty(SymphonyShape.Lint(DeepSymphonyGenerator.NestedWeightEqual(25).Text).Problems);
        Assert.Equal(
            "(defsymphony \"Nested weight-equal 2\" {:asset-class \"EQUITIES\" :rebalance-frequency :daily}\n"
            + " (weight-equal [(weight-equal [(asset \"A\")])]))\n",
            DeepSymphonyGenerator.NestedWeightEqual(2).Text);
    }

    [Fact]
    public void NestedWeightEqual_rejects_negative_levels()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DeepSymphonyGenerator.NestedWeightEqual(-1));
    }

    [Fact]
    public void ManyGroups_twenty_megabytes_is_flat_and_wide()
    {
        var watch = Stopwatch.StartNew();
        var symphony = DeepSymphonyGenerator.ManyGroups(DeepSymphonyGenerator.TwentyMegabytes);
        watch.Stop();
        var text = symphony.Text;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{symphony.Utf8Bytes} bytes, {symphony.GroupCount} groups in {watch.ElapsedMilliseconds} ms"));

        var bytes = Encoding.UTF8.GetByteCount(text);
        Assert.InRange(bytes, DeepSymphonyGenerator.TwentyMegabytes, DeepSymphonyGenerator.TwentyMegabytes + 200);
        Assert.Equal(bytes, symphony.Utf8Bytes);

        var groups = SymphonyShape.CountGroups(text);
        Assert.Equal(groups, symphony.GroupCount);
        Assert.InRange(groups, 150_000, 200_000);

        // Breadth, not depth.
        var (depth, error) = SymphonyShape.ScanBrackets(text);
        Assert.Null(error);
        Assert.Equal(9, depth);
        Assert.Equal(depth, symphony.MaxDepth);

        // One shared RSI per group, one if per group, nothing else that needs prices.
        Assert.Equal(groups, CountOccurrences(text, DeepSymphonyGenerator.SharedRsi));
        Assert.Equal(groups, CountOccurrences(text, "(if "));
        Assert.Equal(1, CountOccurrences(text, "(weight-equal"));
        Assert.Equal(
            SymphonyShape.AssetTickers(text).Append("SPY").Order(StringComparer.Ordinal),
            symphony.Tickers);
        Assert.Equal(DeepSymphonyGenerator.ManyGroupsAssetTickers + 1, symphony.Tickers.Count);

    }

    [Fact]
    public void ManyGroups_passes_the_lint_and_takes_both_branches()
    {
        var symphony = DeepSymphonyGenerator.ManyGroups(200_000);
        var report = SymphonyShape.Lint(symphony.Text);

        Assert.Empty(report.Problems);
        Assert.Equal(symphony.GroupCount, report.Count("group"));
        Assert.Equal(["rsi"], report.Indicators);
        Assert.Equal(symphony.GroupCount, report.IndicatorVsNumber);

        // Thresholds vary across 30..70, so some groups take the then branch and some the else branch.
        Assert.Contains("(> (rsi \"SPY\" {:window 10}) 30)", symphony.Text);
        Assert.Contains("(> (rsi \"SPY\" {:window 10}) 70)", symphony.Text);
    }

    [Fact]
    public void ManyGroups_is_deterministic_and_always_has_a_group()
    {
        Assert.Equal(DeepSymphonyGenerator.ManyGroups(50_000).Text, DeepSymphonyGenerator.ManyGroups(50_000).Text);

        var tiny = DeepSymphonyGenerator.ManyGroups(0);
        Assert.Equal(1, tiny.GroupCount);
        Assert.Empty(SymphonyShape.Lint(tiny.Text).Problems);
        Assert.StartsWith("(defsymphony\n \"Many groups\"\n", tiny.Text);
        Assert.Contains("(group \"g000001\"\n    [(if (> (rsi \"SPY\" {:window 10}) 30)\n      [(asset \"M000\")]\n      [(asset \"M005\")])])", tiny.Text);
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
