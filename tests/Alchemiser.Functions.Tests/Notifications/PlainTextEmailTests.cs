using System.Text;
using Alchemiser.Core.Events;
using Alchemiser.Notifications.Reporting;

namespace Alchemiser.Functions.Tests.Notifications;

/// <summary>The plain-text e-mail: subject per outcome, every section with the sample's numbers, phone-width lines, the SNS size bound.</summary>
public sealed class PlainTextEmailTests
{
    private static (string Subject, string Body) Completed() =>
        PlainTextEmail.Render(RunReport.From(SampleEvents.CompletedRun()));

    [Fact]
    public void A_completed_run_names_the_strategies_and_orders_in_the_subject()
    {
        Assert.Equal("Alchemiser dev 2025-06-30: completed - 3 strategies, 7 orders", Completed().Subject);
    }

    [Fact]
    public void A_completed_run_shows_every_section_with_the_sample_numbers()
    {
        var lines = Completed().Body.Split('\n');

        Assert.Equal(
            ["SUMMARY", "STRATEGY ALLOCATIONS", "CONSOLIDATED TARGET", "ORDERS", "ACCOUNT VALUE"],
            lines.Where(l => l.Length > 0 && l.All(c => char.IsUpper(c) || c == ' ')));
        Assert.Contains("Run " + SampleEvents.CorrelationId, lines);
        Assert.Contains("  Orders      7 placed, 7 filled, 0 failed", lines);
        Assert.Contains("  nuclear: weight 30.00%, effective 30.00%", lines);
        Assert.Contains("    XLE     40.00%", lines);
        Assert.Contains("    GLD      8.00%", lines);
        Assert.Contains("  SPY     16.00%   19.77%   -$3,931.20", lines);
        Assert.Contains("  XLE     12.00%    0.00%  +$11,880.00", lines);
        Assert.Contains("  buy   XLE     140     $11,865.00  blocked", lines);
        Assert.Contains("  ! XLE blocked: order notional 11865.00 exceeds the max order notional of", lines);
        Assert.Contains("  TECL    sell  175   $86.38  $15,116.50      2.31", lines);
        Assert.Contains("  BIL     buy    53   $91.64   $4,856.92         -", lines);
        Assert.Contains("  Before  $100,000.00", lines);
        Assert.Contains("  After   $99,987.41", lines);
        Assert.Contains("  Change  -$12.59 (-0.01%)", lines);
        Assert.DoesNotContain("FAILURES", lines);
    }

    [Fact]
    public void Lines_fit_a_phone_and_use_no_tabs()
    {
        var body = Completed().Body;

        Assert.All(body.Split('\n'), line => Assert.True(line.Length <= 78, $"{line.Length} characters: {line}"));
        Assert.DoesNotContain('\t', body);
        Assert.DoesNotContain('\r', body);
    }

    [Fact]
    public void A_skipped_run_gives_the_reason_in_the_subject_and_the_summary()
    {
        var report = RunReport.From([SampleEvents.Envelope(new WorkflowCompleted(new DateOnly(2025, 7, 4), "skipped", "market closed", "prod:2025-07-04"))]);

        var (subject, body) = PlainTextEmail.Render(report);

        Assert.Equal("Alchemiser prod 2025-07-04: skipped: market closed", subject);
        Assert.Contains("  Reason      market closed\n", body, StringComparison.Ordinal);
        Assert.DoesNotContain("ORDERS", body, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failed_run_shows_the_category_and_the_hint()
    {
        var (subject, body) = PlainTextEmail.Render(RunReport.From([SampleEvents.Load("WorkflowFailed")]));

        Assert.Equal("Alchemiser dev 2025-06-30: FAILED: trading error", subject);
        Assert.Contains(
            "FAILURES\n--------\n  [trading] execution: the kill switch is on; no order was placed\n"
            + "    Hint: Check the account, turn the kill switch off, then re-run the day\n    with force: true.\n",
            body,
            StringComparison.Ordinal);
    }

    [Fact]
    public void The_subject_is_short_ascii_on_one_line()
    {
        var reason = "holiday\n<Independence> Day — " + new string('x', 200);
        var report = RunReport.From([SampleEvents.Envelope(new WorkflowCompleted(new DateOnly(2025, 7, 4), "skipped", reason, "prod:2025-07-04"))]);

        var subject = PlainTextEmail.Render(report).Subject;

        Assert.Equal(PlainTextEmail.MaxSubjectLength, subject.Length);
        Assert.StartsWith("Alchemiser prod 2025-07-04: skipped: holiday <Independence> Day ? xxx", subject, StringComparison.Ordinal);
        Assert.EndsWith("...", subject, StringComparison.Ordinal);
        Assert.All(subject, c => Assert.InRange(c, ' ', '~'));
    }

    [Fact]
    public void A_huge_run_is_cut_to_fit_sns_and_says_how_many_rows_are_left_out()
    {
        var report = RunReport.From(LargeRun.Events(5000));

        var body = PlainTextEmail.Render(report).Body;

        Assert.InRange(Encoding.UTF8.GetByteCount(body), 1, PlainTextEmail.MaxBodyBytes);
        Assert.Contains("  … 4000 more rows (see the HTML report)\n", body, StringComparison.Ordinal);
        Assert.Contains("ACCOUNT VALUE", body, StringComparison.Ordinal);
    }

    [Fact]
    public void A_run_that_fits_is_not_cut()
    {
        var body = PlainTextEmail.Render(RunReport.From(LargeRun.Events(300))).Body;

        Assert.DoesNotContain("more rows", body, StringComparison.Ordinal);
        Assert.Contains("  SYM00299  buy    10  $100.01  $1,000.10      1.50", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Rendering_twice_gives_the_same_text()
    {
        var events = SampleEvents.CompletedRun().Append(SampleEvents.Load("StrategyEvaluationFailed")).ToList();

        Assert.Equal(PlainTextEmail.Render(RunReport.From(events)), PlainTextEmail.Render(RunReport.From(events.AsEnumerable().Reverse())));
    }

    [Fact]
    public void Free_text_with_newlines_and_tabs_stays_on_its_lines()
    {
        var failed = new WorkflowFailed(new DateOnly(2025, 6, 30), null, "data", "line one\nline\ttwo", "portfolio", [], null);

        var body = PlainTextEmail.Render(RunReport.From([SampleEvents.Envelope(failed)])).Body;

        Assert.Contains("  [data] portfolio: line one line two\n", body, StringComparison.Ordinal);
        Assert.DoesNotContain('\t', body);
    }

    [Fact]
    public void Huge_free_text_everywhere_still_fits_sns()
    {
        var huge = new string('é', 300_000);
        var long2k = new string('é', 2_000);
        var report = new RunReport(
            new DateOnly(2025, 6, 30),
            "run-" + huge,
            huge,
            RunOutcome.Failed,
            huge,
            [.. Enumerable.Range(0, 2000).Select(i => new StrategyAllocation($"s{i}{long2k}", 1m, 1m, [.. Enumerable.Range(0, 50).Select(j => new SymbolWeight($"S{j}{long2k}", 0.02m))]))],
            [.. Enumerable.Range(0, 2000).Select(i => new TargetRow($"T{i}{long2k}", 0.0005m, null, null))],
            [.. Enumerable.Range(0, 2000).Select(i => new PlannedTrade($"X{i}{long2k}", long2k, 1m, 1m, true, huge, [new StrategyShare(long2k, 1m)]))],
            [],
            [],
            null,
            null,
            null,
            [.. Enumerable.Range(0, 2000).Select(i => new RunFailure($"strategy {i}{long2k}", long2k, huge, huge))]);

        var (subject, body) = PlainTextEmail.Render(report);

        Assert.InRange(Encoding.UTF8.GetByteCount(body), 1, PlainTextEmail.MaxBodyBytes);
        Assert.Contains("  … 1980 more blocked trades (see the HTML report)\n", body, StringComparison.Ordinal);
        Assert.Contains("  … 1980 more failures (see the HTML report)\n", body, StringComparison.Ordinal);
        Assert.Equal(PlainTextEmail.MaxSubjectLength, subject.Length);
    }

    [Fact]
    public void Failed_orders_show_in_the_subject_and_under_the_fills_with_their_reasons()
    {
        var report = RunReport.From([.. SampleEvents.CompletedRun().Where(e => e.EventType != EventTypes.TradeExecuted), SampleEvents.TradesWithFailures()]);

        var (subject, body) = PlainTextEmail.Render(report);

        Assert.Equal("Alchemiser dev 2025-06-30: completed - 3 strategies, 7 orders, 2 failed", subject);
        Assert.Contains(
            "  Failed orders\n"
            + "  Symbol  Side  Unfilled  Category\n"
            + "  URA     buy        164  trading\n"
            + "  CCJ     buy         31  trading\n"
            + "  ! URA buy: insufficient buying power: $5,936.80 needed, $4,102.17 available\n"
            + "  ! CCJ buy: limit order expired after 3 re-pricings, \"walk\" ended at the ask\n",
            body,
            StringComparison.Ordinal);
        Assert.Contains("  buy   URA     164      $5,936.80  failed\n", body, StringComparison.Ordinal);
        Assert.Contains("  buy   CCJ      81      $5,917.05  partly filled\n", body, StringComparison.Ordinal);
        Assert.Contains("  Before  $100,050.00\n  After   $99,900.00\n  Change  -$150.00 (-0.15%)\n", body, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failed_run_opens_with_the_alert_naming_step_category_reason_and_what_to_do()
    {
        var body = PlainTextEmail.Render(RunReport.From([SampleEvents.Load("WorkflowFailed")])).Body;

        const string opening =
            "Alchemiser dev 2025-06-30: failed\n"
            + "Run 6f1c2a9e-8b4d-4c37-9e52-1d0a7b3f5c84\n"
            + "\n"
            + "ALERT: THE RUN FAILED\n"
            + "---------------------\n"
            + "  Step        execution\n"
            + "  Category    trading\n"
            + "  Reason      the kill switch is on; no order was placed\n"
            + "  What to do  Check the account, turn the kill switch off, then re-run the day\n"
            + "              with force: true.\n"
            + "\n"
            + "SUMMARY\n";

        Assert.Equal(opening, body[..Math.Min(opening.Length, body.Length)]);
    }

    [Fact]
    public void An_alert_without_a_hint_says_where_to_look()
    {
        var failed = new WorkflowFailed(new DateOnly(2025, 6, 30), null, "data", "bars missing", "portfolio", [], null);

        var body = PlainTextEmail.Render(RunReport.From([SampleEvents.Envelope(failed)])).Body;

        Assert.Contains("  What to do  no hint given; look up the run id in the logs\n", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_a_failed_run_has_an_alert()
    {
        Assert.DoesNotContain("ALERT", Completed().Body, StringComparison.Ordinal);
        Assert.DoesNotContain("ALERT", PlainTextEmail.Render(RunReport.From([SampleEvents.Envelope(new WorkflowCompleted(new DateOnly(2025, 7, 4), "skipped", "market closed", null))])).Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Thousands_of_failed_orders_with_huge_reasons_still_fit_sns()
    {
        var huge = new string('é', 300_000);
        var report = RunReport.From([SampleEvents.Load("TradeExecuted")]) with
        {
            FailedOrders = [.. Enumerable.Range(0, 5000).Select(i => new OrderFailure($"SYM{i}", "buy", 10m, "trading", huge))],
        };

        var body = PlainTextEmail.Render(report).Body;

        Assert.InRange(Encoding.UTF8.GetByteCount(body), 1, PlainTextEmail.MaxBodyBytes);
        Assert.Contains(" more failed orders (see the HTML report)\n", body, StringComparison.Ordinal);
    }

}
