using System.Text.Json;
using Alchemiser.Core.Events;
using Alchemiser.Core.Notifications;
using Alchemiser.Local.Notifications;
using Alchemiser.Local.Reports;
using Alchemiser.Notifications;
using Alchemiser.Notifications.Reporting;

namespace Alchemiser.Functions.Tests.Notifications;

/// <summary>
/// Notifications end to end on the in-memory adapters: every event archived, the report rendered from the run's archive
/// by the events that report the run, one e-mail per triggering event whatever the delivery order and redeliveries.
/// </summary>
public sealed class NotificationServiceTests
{
    private const string Day = "2025-06-30";
    private const string RunFolder = Day + "/events/" + SampleEvents.CorrelationId + "/";
    private static readonly DateOnly Date = new(2025, 6, 30);

    private readonly InMemoryReportStore _store = new();
    private readonly InMemoryNotifier _notifier = new();

    private NotificationService Service => new(_store, _notifier);

    [Fact]
    public async Task A_full_run_sends_one_report_email_with_the_fills_their_slippage_and_the_equity_before_and_after()
    {
        await DeliverAsync(SampleEvents.FullRun());

        var email = Assert.Single(_notifier.Sent);
        Assert.Equal((Date, NotificationKind.Report, SampleEvents.CorrelationId), (email.TradingDate, email.Kind, email.CorrelationId));
        Assert.Equal("Alchemiser dev 2025-06-30: completed - 3 strategies, 7 orders", email.Subject);
        Assert.Contains("  Symbol  Side  Qty    Price    Notional  Slip bps\n", email.Body, StringComparison.Ordinal);
        Assert.Contains("  TECL    sell  175   $86.38  $15,116.50      2.31\n", email.Body, StringComparison.Ordinal);
        Assert.Contains("  CCJ     buy    81   $73.08   $5,919.48      4.11\n", email.Body, StringComparison.Ordinal);
        Assert.Contains("  BIL     buy    53   $91.64   $4,856.92         -\n", email.Body, StringComparison.Ordinal);
        Assert.Contains("  Before  $100,000.00\n  After   $99,987.41\n  Change  -$12.59 (-0.01%)\n", email.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_full_run_archives_every_event_and_writes_the_report_files_of_the_whole_run()
    {
        var run = SampleEvents.FullRun();

        await DeliverAsync(run);

        var report = RunReport.From(run);
        var (subject, body) = PlainTextEmail.Render(report);
        Assert.Equal(
            [
                Day + "/allocations.csv",
                Day + "/email.txt",
                .. run.Select(e => RunFolder + e.EventId + ".json").Order(StringComparer.Ordinal),
                RunFolder + "sent/" + SampleEvents.CorrelationId + ":TradeExecuted",
                Day + "/orders.csv",
                Day + "/report.html",
            ],
            await _store.ListKeysAsync(string.Empty));
        Assert.Equal(HtmlReport.Render(report), await _store.GetTextAsync(ReportKeys.Html(Date)));
        Assert.Equal(CsvReports.Orders(report), await _store.GetTextAsync(ReportKeys.OrdersCsv(Date)));
        Assert.Equal(CsvReports.Allocations(report), await _store.GetTextAsync(ReportKeys.AllocationsCsv(Date)));
        Assert.Equal(subject + "\n\n" + body, await _store.GetTextAsync(ReportKeys.Email(Date)));
        foreach (var envelope in run)
        {
            var archived = await _store.GetTextAsync(ReportKeys.ArchivedEvent(Date, envelope.CorrelationId, envelope.EventId));
            Assert.Equal(envelope.ToJson(), archived);
        }
    }

    [Fact]
    public async Task A_failed_run_sends_an_alert_naming_the_failed_step_the_category_the_reason_and_what_to_do()
    {
        await DeliverAsync([SampleEvents.Load("StrategyEvaluationRequested"), SampleEvents.Load("StrategyEvaluationFailed"), SampleEvents.Load("WorkflowFailed")]);

        var alert = Assert.Single(_notifier.Sent);
        Assert.Equal(NotificationKind.Alert, alert.Kind);
        Assert.Equal("Alchemiser dev 2025-06-30: FAILED: trading error", alert.Subject);
        Assert.Contains(
            "ALERT: THE RUN FAILED\n---------------------\n"
            + "  Step        execution\n"
            + "  Category    trading\n"
            + "  Reason      the kill switch is on; no order was placed\n"
            + "  What to do  Check the account, turn the kill switch off, then re-run the day\n",
            alert.Body,
            StringComparison.Ordinal);
        Assert.Contains("  [data] strategy nuclear: bars/daily/CCJ.csv ends at 2025-06-26;", alert.Body, StringComparison.Ordinal);
        Assert.Contains("<div class=\"alert\">", await _store.GetTextAsync(ReportKeys.Html(Date)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_skipped_run_sends_the_skipped_notice_with_the_reason()
    {
        var skipped = SampleEvents.Envelope(new WorkflowCompleted(new DateOnly(2025, 7, 4), "skipped", "market closed (Independence Day)", "prod:2025-07-04"));

        Assert.Equal(NotificationOutcome.Sent, await Service.HandleAsync(skipped));

        var notice = Assert.Single(_notifier.Sent);
        Assert.Equal((NotificationKind.Skipped, new DateOnly(2025, 7, 4)), (notice.Kind, notice.TradingDate));
        Assert.Equal("Alchemiser prod 2025-07-04: skipped: market closed (Independence Day)", notice.Subject);
        Assert.Contains("  Reason      market closed (Independence Day)\n", notice.Body, StringComparison.Ordinal);
        Assert.NotNull(await _store.GetTextAsync("2025-07-04/report.html"));
        Assert.Null(await _store.GetTextAsync(ReportKeys.Html(Date)));
    }

    [Fact]
    public async Task A_redelivered_trigger_sends_no_second_email()
    {
        await DeliverAsync(SampleEvents.FullRun());

        Assert.Equal(NotificationOutcome.AlreadySent, await Service.HandleAsync(SampleEvents.Load("TradeExecuted")));
        Assert.Equal(NotificationOutcome.AlreadySent, await Service.HandleAsync(SampleEvents.Load("TradeExecuted")));
        Assert.Single(_notifier.Sent);
    }

    [Fact]
    public async Task A_redelivered_alert_or_skipped_notice_is_sent_once()
    {
        var skipped = SampleEvents.Envelope(new WorkflowCompleted(new DateOnly(2025, 7, 4), "skipped", "market closed", "prod:2025-07-04"), correlationId: "run-2");

        await DeliverAsync([SampleEvents.Load("WorkflowFailed"), SampleEvents.Load("WorkflowFailed"), skipped, skipped]);

        Assert.Equal([NotificationKind.Alert, NotificationKind.Skipped], _notifier.Sent.Select(n => n.Kind));
    }

    [Fact]
    public async Task Events_delivered_in_any_order_before_the_trigger_give_the_same_report()
    {
        var before = SampleEvents.FullRun().Where(e => e.EventType is not (EventTypes.TradeExecuted or EventTypes.WorkflowCompleted)).ToList();
        var trigger = SampleEvents.Load("TradeExecuted");
        await DeliverAsync([.. before, trigger]);
        var expected = (Email: Assert.Single(_notifier.Sent), Html: await _store.GetTextAsync(ReportKeys.Html(Date)));

        foreach (var order in Permutations(before))
        {
            var store = new InMemoryReportStore();
            var notifier = new InMemoryNotifier();
            var service = new NotificationService(store, notifier);
            foreach (var envelope in order.Append(trigger))
            {
                await service.HandleAsync(envelope);
            }

            Assert.Equal(expected, (Assert.Single(notifier.Sent), await store.GetTextAsync(ReportKeys.Html(Date))));
        }
    }

    [Fact]
    public async Task Workflow_completed_renders_the_files_again_and_sends_no_email()
    {
        await DeliverAsync([SampleEvents.Load("SignalGenerated"), SampleEvents.Load("RebalancePlanned"), SampleEvents.Load("TradeExecuted")]);
        await Service.HandleAsync(SampleEvents.Load("StrategyEvaluationFailed"));
        Assert.DoesNotContain("strategy nuclear", await _store.GetTextAsync(ReportKeys.Html(Date)), StringComparison.Ordinal);

        Assert.Equal(NotificationOutcome.Rendered, await Service.HandleAsync(SampleEvents.Load("WorkflowCompleted")));

        Assert.Single(_notifier.Sent);
        Assert.Contains("strategy nuclear", await _store.GetTextAsync(ReportKeys.Html(Date)), StringComparison.Ordinal);
        Assert.Contains("strategy nuclear", await _store.GetTextAsync(ReportKeys.Email(Date)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Workflow_completed_before_the_trades_sends_nothing_and_the_trades_still_send_the_report()
    {
        Assert.Equal(NotificationOutcome.Rendered, await Service.HandleAsync(SampleEvents.Load("WorkflowCompleted")));
        Assert.Empty(_notifier.Sent);

        Assert.Equal(NotificationOutcome.Sent, await Service.HandleAsync(SampleEvents.Load("TradeExecuted")));
        Assert.Equal(NotificationKind.Report, Assert.Single(_notifier.Sent).Kind);
    }

    [Fact]
    public async Task Events_that_do_not_report_the_run_are_archived_only()
    {
        var quiet = SampleEvents.FullRun().Where(e => e.EventType is not (EventTypes.TradeExecuted or EventTypes.WorkflowCompleted)).ToList();

        foreach (var envelope in quiet.Append(SampleEvents.Load("StrategyEvaluationFailed")))
        {
            Assert.Equal(NotificationOutcome.Archived, await Service.HandleAsync(envelope));
        }

        Assert.Empty(_notifier.Sent);
        Assert.All(await _store.ListKeysAsync(string.Empty), key => Assert.StartsWith(RunFolder, key, StringComparison.Ordinal));
        Assert.Equal(5, (await _store.ListKeysAsync(string.Empty)).Count);
    }

    [Fact]
    public async Task Archiving_the_same_event_twice_keeps_one_copy()
    {
        await Service.HandleAsync(SampleEvents.Load("SignalGenerated"));
        await Service.HandleAsync(SampleEvents.Load("SignalGenerated"));

        Assert.Equal([RunFolder + SampleEvents.CorrelationId + ":SignalGenerated.json"], await _store.ListKeysAsync(string.Empty));
    }

    [Fact]
    public async Task A_failed_send_leaves_no_marker_so_the_retry_sends()
    {
        var notifier = new FailingNotifier(failures: 1);
        var service = new NotificationService(_store, notifier);

        await Assert.ThrowsAsync<HttpRequestException>(() => service.HandleAsync(SampleEvents.Load("TradeExecuted")));
        Assert.Null(await _store.GetTextAsync(ReportKeys.SentMarker(Date, SampleEvents.CorrelationId, SampleEvents.CorrelationId + ":TradeExecuted")));

        Assert.Equal(NotificationOutcome.Sent, await service.HandleAsync(SampleEvents.Load("TradeExecuted")));
        Assert.Single(notifier.Delivered.Sent);
    }

    [Fact]
    public async Task A_crash_between_sending_and_marking_sends_again_on_redelivery_at_least_once()
    {
        var store = new HookedReportStore();
        var crashes = 1;
        store.BeforePut = key => key.Contains("/sent/", StringComparison.Ordinal) && crashes-- > 0
            ? throw new IOException("the process died")
            : Task.CompletedTask;
        var service = new NotificationService(store, _notifier);

        await Assert.ThrowsAsync<IOException>(() => service.HandleAsync(SampleEvents.Load("TradeExecuted")));
        await service.HandleAsync(SampleEvents.Load("TradeExecuted"));
        await service.HandleAsync(SampleEvents.Load("TradeExecuted"));

        Assert.Equal(2, _notifier.Sent.Count);
    }

    [Fact]
    public async Task An_event_archived_while_the_files_are_being_written_is_in_the_files_and_the_email()
    {
        var store = new HookedReportStore();
        var concurrent = SampleEvents.Load("WorkflowFailed");
        var once = 1;
        store.BeforePut = async key =>
        {
            if (key == ReportKeys.Html(Date) && once-- > 0)
            {
                await store.Inner.PutTextAsync(ReportKeys.ArchivedEvent(Date, concurrent.CorrelationId, concurrent.EventId), concurrent.ToJson());
            }
        };
        var service = new NotificationService(store, _notifier);

        await service.HandleAsync(SampleEvents.Load("TradeExecuted"));

        Assert.Contains("<h2>The run failed</h2>", await store.GetTextAsync(ReportKeys.Html(Date)), StringComparison.Ordinal);
        Assert.Contains("ALERT: THE RUN FAILED", await store.GetTextAsync(ReportKeys.Email(Date)), StringComparison.Ordinal);
        Assert.Contains("ALERT: THE RUN FAILED", Assert.Single(_notifier.Sent).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_runs_of_one_day_are_archived_apart_and_each_report_has_only_its_own_events()
    {
        var rerun = SampleEvents.Envelope(SampleEvents.Load("WorkflowFailed").PayloadAs<WorkflowFailed>(), correlationId: "rerun-1");

        await DeliverAsync([.. SampleEvents.FullRun(), rerun]);

        Assert.Equal(2, _notifier.Sent.Count);
        Assert.Equal(
            [Day + "/events/rerun-1/rerun-1:WorkflowFailed.json", Day + "/events/rerun-1/sent/rerun-1:WorkflowFailed"],
            await _store.ListKeysAsync(Day + "/events/rerun-1/"));
        Assert.Equal(NotificationKind.Alert, _notifier.Sent[1].Kind);
        Assert.DoesNotContain("STRATEGY ALLOCATIONS", _notifier.Sent[1].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ids_are_escaped_into_single_key_segments()
    {
        var odd = SampleEvents.Envelope(SampleEvents.Load("SignalGenerated").PayloadAs<SignalGenerated>(), correlationId: "../run 1/x");

        await Service.HandleAsync(odd);

        Assert.Equal(["2025-06-30/events/%2E%2E%2Frun%201%2Fx/%2E%2E%2Frun%201%2Fx:SignalGenerated.json"], await _store.ListKeysAsync(string.Empty));
    }

    [Fact]
    public async Task An_event_without_a_trading_date_is_refused_and_nothing_is_stored()
    {
        using var payload = JsonDocument.Parse("{\"session_id\":\"dev:2025-06-30\"}");
        var envelope = SampleEvents.Load("SignalGenerated") with { Payload = payload.RootElement.Clone() };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Service.HandleAsync(envelope));

        Assert.Contains("has no trading_date (yyyy-MM-dd) in its payload", error.Message, StringComparison.Ordinal);
        Assert.Empty(await _store.ListKeysAsync(string.Empty));
    }

    private static IEnumerable<List<EventEnvelope>> Permutations(List<EventEnvelope> items) =>
        items.Count <= 1
            ? [items]
            : items.SelectMany((item, i) => Permutations([.. items.Take(i), .. items.Skip(i + 1)]).Select(rest => (List<EventEnvelope>)[item, .. rest]));

    private async Task DeliverAsync(IEnumerable<EventEnvelope> events)
    {
        foreach (var envelope in events)
        {
            await Service.HandleAsync(envelope);
        }
    }
}
