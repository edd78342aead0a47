using Alchemiser.Core.Reports;

namespace Alchemiser.Local.Tests.Reports;

/// <summary>The key rules every report store applies, and the segment encoding that keeps any id within them.</summary>
public sealed class ReportKeyTests
{
    [Theory]
    [InlineData("report.html")]
    [InlineData("2025-06-30/events/6f1c2a9e-8b4d-4c37-9e52-1d0a7b3f5c84/6f1c2a9e-8b4d-4c37-9e52-1d0a7b3f5c84:TradeExecuted.json")]
    [InlineData("2025-06-30/events/run/sent/run:WorkflowFailed")]
    [InlineData("a/b.c/d e/ünïcode")]
    public void Relative_slash_separated_keys_are_valid(string key)
    {
        ReportKey.Validate(key);
        Assert.True(ReportKey.IsValid(key));
    }

    [Theory]
    [InlineData("", "it is empty")]
    [InlineData("/report.html", "it starts with '/'")]
    [InlineData("2025-06-30\\report.html", "backslash")]
    [InlineData("2025-06-30/../report.html", "'..'")]
    [InlineData("a..b", "'..'")]
    [InlineData("2025-06-30/", "it ends with '/'")]
    [InlineData("2025-06-30//report.html", "empty segment")]
    [InlineData("2025-06-30/.report.html.tmp", "starts with '.'")]
    [InlineData("a\tb", "control character")]
    public void A_key_breaking_a_rule_is_refused_with_the_rule(string key, string rule)
    {
        var error = Assert.Throws<ArgumentException>(() => ReportKey.Validate(key));

        Assert.Contains(rule, error.Message, StringComparison.Ordinal);
        Assert.False(ReportKey.IsValid(key));
    }

    [Fact]
    public void A_key_longer_than_s3_allows_is_refused()
    {
        ReportKey.Validate(new string('é', ReportKey.MaxBytes / 2));

        Assert.Throws<ArgumentException>(() => ReportKey.Validate(new string('é', (ReportKey.MaxBytes / 2) + 1)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("2025-06-30/")]
    [InlineData("2025-06-30/ev")]
    public void A_prefix_may_be_empty_end_with_a_slash_or_stop_inside_a_segment(string prefix)
    {
        ReportKey.ValidatePrefix(prefix);
    }

    [Theory]
    [InlineData("run-1", "run-1")]
    [InlineData("6f1c2a9e-8b4d-4c37-9e52-1d0a7b3f5c84:PartialSignalGenerated:nuclear", "6f1c2a9e-8b4d-4c37-9e52-1d0a7b3f5c84:PartialSignalGenerated:nuclear")]
    [InlineData("../../etc", "%2E%2E%2F%2E%2E%2Fetc")]
    [InlineData("a/b\\c", "a%2Fb%5Cc")]
    [InlineData("100%", "100%25")]
    [InlineData(".hidden", "%2Ehidden")]
    [InlineData("é ☃", "%C3%A9%20%E2%98%83")]
    public void A_segment_keeps_safe_characters_and_escapes_the_rest(string text, string segment)
    {
        Assert.Equal(segment, ReportKey.Segment(text));
        ReportKey.Validate(ReportKey.Segment(text) + ".json");
    }

    [Fact]
    public void A_long_segment_is_shortened_with_a_hash_so_different_texts_stay_different()
    {
        var a = ReportKey.Segment(new string('x', 300) + "a");
        var b = ReportKey.Segment(new string('x', 300) + "b");

        Assert.Equal(150 + 1 + 32, a.Length);
        Assert.StartsWith(new string('x', 150) + "~", a, StringComparison.Ordinal);
        Assert.NotEqual(a, b);
        Assert.Equal(a, ReportKey.Segment(new string('x', 300) + "a"));
        Assert.Equal(new string('x', ReportKey.MaxSegmentLength), ReportKey.Segment(new string('x', ReportKey.MaxSegmentLength)));
    }

    [Fact]
    public void An_empty_text_has_no_segment()
    {
        Assert.Throws<ArgumentException>(() => ReportKey.Segment(string.Empty));
    }
}
