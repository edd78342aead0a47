using System.Text.RegularExpressions;
using Alchemiser.Core.Events;
using Alchemiser.Notifications.Reporting;

namespace Alchemiser.Functions.Tests.Notifications;

/// <summary>The HTML report: self-contained, every section, a proportional bar chart, escaped text, deterministic.</summary>
public sealed partial class HtmlReportTests
{
    private static readonly RunReport Completed = RunReport.From(SampleEvents.CompletedRun());

    [Fact]
    public void A_completed_run_shows_every_section_with_the_sample_numbers()
    {
        var html = HtmlReport.Render(Completed);

        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Equal(
            ["Summary", "Strategy allocations", "Consolidated target", "Orders", "Account value"],
            Heading2().Matches(html).Select(m => m.Groups[1].Value));
        Assert.Contains("<h1>Alchemiser dev 2025-06-30: completed</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><th>Orders</th><td>7 placed, 7 filled, 0 failed</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<h3>klm: weight 40.00%, effective 40.00%</h3>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td>SPY</td><td class=\"n\">16.00%</td><td class=\"n\">19.77%</td><td class=\"n\">-$3,931.20</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"blocked\">blocked: order notional 11865.00 exceeds the max order notional of 10000.00</td>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td>TECL</td><td>sell</td><td class=\"n\">175</td><td class=\"n\">$86.38</td><td class=\"n\">$15,116.50</td><td class=\"n\">2.31</td>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><th>Change</th><td class=\"n\">-$12.59</td></tr>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Failures", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_chart_has_one_labelled_bar_per_targeted_symbol_proportional_to_its_weight()
    {
        var html = HtmlReport.Render(Completed);

        var bars = Bar().Matches(html).Select(m => (Symbol: m.Groups[1].Value, Width: m.Groups[2].Value)).ToList();
        Assert.Equal(["SPY", "BIL", "TECL", "XLE", "TQQQ", "UPRO", "CCJ", "NLR", "URA", "TLT", "GLD"], bars.Select(b => b.Symbol));
        Assert.Equal(("SPY", "440"), bars[0]);
        Assert.Equal(("BIL", "412.5"), bars[1]);
        Assert.Equal(("GLD", "88"), bars[^1]);
        Assert.Single(Regex.Matches(html, "<svg "));
    }

    [Fact]
    public void The_page_loads_nothing_and_runs_nothing()
    {
        var html = HtmlReport.Render(Completed);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("http", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<style>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_from_the_events_is_escaped()
    {
        const string symbol = "<script>x</script>&Co";
        var signal = new SignalGenerated(
            "dev:2025-06-30", new DateOnly(2025, 6, 30), 1, 1, "proceed", [], false,
            new Dictionary<string, decimal> { [symbol] = 1m },
            [new StrategyContributionSummary("a&b", 1m, 1m, new Dictionary<string, decimal> { [symbol] = 1m })]);
        var failed = new WorkflowFailed(new DateOnly(2025, 6, 30), null, "data", "bad <script>alert(1)</script> & worse", "portfolio", [], "use \"quotes\" & <b>");

        var html = HtmlReport.Render(RunReport.From([SampleEvents.Envelope(signal), SampleEvents.Envelope(failed)]));

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.Contains("<td>&lt;script&gt;x&lt;/script&gt;&amp;Co</td>", html, StringComparison.Ordinal);
        Assert.Contains("<h3>a&amp;b: weight", html, StringComparison.Ordinal);
        Assert.Contains("bad &lt;script&gt;alert(1)&lt;/script&gt; &amp; worse", html, StringComparison.Ordinal);
        Assert.Contains("Hint: use &quot;quotes&quot; &amp; &lt;b&gt;", html, StringComparison.Ordinal);
        Assert.Contains(">&lt;script&gt;x&lt;/…</text>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failed_run_shows_the_category_and_the_hint()
    {
        var html = HtmlReport.Render(RunReport.From([SampleEvents.Load("WorkflowFailed"), SampleEvents.Load("StrategyEvaluationFailed")]));

        Assert.Contains("<h1>Alchemiser dev 2025-06-30: failed</h1>", html, StringComparison.Ordinal);
        Assert.Contains(
            "<li><strong class=\"failed\">[trading]</strong> execution: the kill switch is on; no order was placed"
            + "<br><span class=\"hint\">Hint: Check the account, turn the kill switch off, then re-run the day with force: true.</span></li>",
            html,
            StringComparison.Ordinal);
        Assert.Contains("<li><strong class=\"failed\">[data]</strong> strategy nuclear: bars/daily/CCJ.csv ends at 2025-06-26", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<svg", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_skipped_run_shows_the_reason_and_no_trading_sections()
    {
        var html = HtmlReport.Render(RunReport.From([SampleEvents.Envelope(new WorkflowCompleted(new DateOnly(2025, 7, 4), "skipped", "market closed", "prod:2025-07-04"))]));

        Assert.Contains("<tr><th>Outcome</th><td class=\"skipped\">skipped</td></tr>\n<tr><th>Reason</th><td>market closed</td></tr>", html, StringComparison.Ordinal);
        Assert.Equal(["Summary"], Heading2().Matches(html).Select(m => m.Groups[1].Value));
    }

    [Fact]
    public void Rendering_twice_gives_the_same_page()
    {
        Assert.Equal(HtmlReport.Render(RunReport.From(SampleEvents.CompletedRun())), HtmlReport.Render(RunReport.From(SampleEvents.CompletedRun().Reverse())));
    }

    [Fact]
    public void A_huge_run_is_not_cut()
    {
        var html = HtmlReport.Render(RunReport.From(LargeRun.Events(3000)));

        Assert.Equal(3000, Bar().Matches(html).Count);
        Assert.DoesNotContain("more rows", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failed_run_opens_with_a_boxed_alert_before_the_summary()
    {
        var html = HtmlReport.Render(RunReport.From([SampleEvents.Load("WorkflowFailed")]));

        Assert.Contains(
            "<p class=\"run\">Run 6f1c2a9e-8b4d-4c37-9e52-1d0a7b3f5c84</p>\n"
            + "<div class=\"alert\">\n<h2>The run failed</h2>\n<table>\n"
            + "<tr><th>Failed step</th><td>execution</td></tr>\n"
            + "<tr><th>Category</th><td class=\"failed\">trading</td></tr>\n"
            + "<tr><th>Reason</th><td>the kill switch is on; no order was placed</td></tr>\n"
            + "<tr><th>What to do</th><td class=\"hint\">Check the account, turn the kill switch off, then re-run the day with force: true.</td></tr>\n"
            + "</table>\n</div>\n<h2>Summary</h2>",
            html,
            StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"alert\"", HtmlReport.Render(Completed), StringComparison.Ordinal);
    }

    [Fact]
    public void Failed_orders_are_listed_after_the_fills_with_their_reasons_escaped()
    {
        var report = RunReport.From([.. SampleEvents.CompletedRun().Where(e => e.EventType != EventTypes.TradeExecuted), SampleEvents.TradesWithFailures()]);

        var html = HtmlReport.Render(report);

        Assert.Contains(
            "<h3>Failed orders</h3>\n<table>\n<tr><th>Symbol</th><th>Side</th><th class=\"n\">Unfilled qty</th><th>Category</th><th>Reason</th></tr>\n"
            + "<tr><td>URA</td><td>buy</td><td class=\"n\">164</td><td class=\"failed\">trading</td><td>insufficient buying power: $5,936.80 needed, $4,102.17 available</td></tr>\n"
            + "<tr><td>CCJ</td><td>buy</td><td class=\"n\">31</td><td class=\"failed\">trading</td><td>limit order expired after 3 re-pricings, &quot;walk&quot; ended at the ask</td></tr>\n",
            html,
            StringComparison.Ordinal);
        Assert.True(html.IndexOf("<h3>Fills</h3>", StringComparison.Ordinal) < html.IndexOf("<h3>Failed orders</h3>", StringComparison.Ordinal));
        Assert.Contains("<tr><th>Orders</th><td>7 placed, 5 filled, 2 failed</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<td>partly filled</td>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><th>Before</th><td class=\"n\">$100,050.00</td></tr>\n<tr><th>After</th><td class=\"n\">$99,900.00</td></tr>", html, StringComparison.Ordinal);
    }


    [GeneratedRegex("<h2>([^<]*)</h2>")]
    private static partial Regex Heading2();

    [GeneratedRegex("<text [^>]*text-anchor=\"end\">([^<]*)</text><rect [^>]*width=\"([0-9.]+)\"")]
    private static partial Regex Bar();
}
