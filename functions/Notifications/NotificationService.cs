using System.Globalization;
using System.Text.Json;
using Alchemiser.Core.Events;
using Alchemiser.Core.Notifications;
using Alchemiser.Core.Reports;
using Alchemiser.Notifications.Reporting;

namespace Alchemiser.Notifications;

/// <summary>
/// Notifications' logic. Every workflow event of a run comes here; each is archived in the report store under
/// <see cref="ReportKeys.ArchivedEvent"/> (a redelivery writes the same key again). The events that report the run
/// then render the report from every archived event of the run and write the day's files
/// (<see cref="ReportKeys.Html"/>, <see cref="ReportKeys.OrdersCsv"/>, <see cref="ReportKeys.AllocationsCsv"/>,
/// <see cref="ReportKeys.Email"/>): <c>TradeExecuted</c> (then e-mails the trade report), <c>WorkflowFailed</c> (then
/// e-mails an alert), <c>WorkflowCompleted</c> with outcome <c>skipped</c> (then e-mails the notice) and with outcome
/// <c>completed</c> (files only: the run's e-mail went out with <c>TradeExecuted</c>).
/// <para>
/// Order does not matter: the report is built from whatever of the run has been archived, so events delivered in any
/// order before the trigger give the same report, and a later event renders the files again. After writing the files
/// the run's events are listed again and, if one arrived meanwhile (a concurrent delivery), the files are rendered
/// again, so the last files written include every event archived before them.
/// </para>
/// <para>
/// E-mail is sent at least once and, short of a crash, exactly once per triggering event id: a marker
/// (<see cref="ReportKeys.SentMarker"/>) is written after the notifier accepted the e-mail, and a redelivery that finds
/// it does not send again. A crash (or a failed marker write) between sending and the marker, or two deliveries of the
/// same event handled at the same moment, send the e-mail twice. A failed send writes no marker, so the retry sends.
/// </para>
/// </summary>
public sealed class NotificationService(IReportStore reports, INotifier notifier)
{
    /// <summary>How many times the files are rendered at most when events keep arriving while they are written.</summary>
    public const int MaxRenderings = 3;

    /// <summary>Archives <paramref name="envelope"/> and, when it reports the run, renders the files and sends the e-mail due.</summary>
    /// <exception cref="ArgumentException">The payload has no <c>trading_date</c>, the correlation or event id is empty, or
    /// the run's events are not a valid report (an unknown <c>WorkflowCompleted</c> outcome).</exception>
    public async Task<NotificationOutcome> HandleAsync(EventEnvelope envelope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var tradingDate = TradingDateOf(envelope);
        await reports.PutTextAsync(ReportKeys.ArchivedEvent(tradingDate, envelope.CorrelationId, envelope.EventId), envelope.ToJson(), cancellationToken)
            .ConfigureAwait(false);

        if (!IsReporting(envelope, out var kind))
        {
            return NotificationOutcome.Archived;
        }

        var email = await RenderAsync(envelope, tradingDate, cancellationToken).ConfigureAwait(false);
        if (kind is not { } due)
        {
            return NotificationOutcome.Rendered;
        }

        var marker = ReportKeys.SentMarker(tradingDate, envelope.CorrelationId, envelope.EventId);
        if (await reports.GetTextAsync(marker, cancellationToken).ConfigureAwait(false) is not null)
        {
            return NotificationOutcome.AlreadySent;
        }

        await notifier.SendAsync(new Notification(tradingDate, due, email.Subject, email.Body, envelope.CorrelationId), cancellationToken).ConfigureAwait(false);
        await reports.PutTextAsync(marker, email.Subject + "\n", cancellationToken).ConfigureAwait(false);
        return NotificationOutcome.Sent;
    }

    /// <summary>The <c>trading_date</c> every workflow payload carries.</summary>
    private static DateOnly TradingDateOf(EventEnvelope envelope)
    {
        if (string.IsNullOrWhiteSpace(envelope.CorrelationId) || string.IsNullOrWhiteSpace(envelope.EventId))
        {
            throw new ArgumentException($"a {envelope.EventType} event without an event id or correlation id cannot be archived", nameof(envelope));
        }

        if (envelope.Payload.ValueKind == JsonValueKind.Object
            && envelope.Payload.TryGetProperty("trading_date", out var value)
            && value.ValueKind == JsonValueKind.String
            && DateOnly.TryParseExact(value.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var tradingDate))
        {
            return tradingDate;
        }

        throw new ArgumentException(
            $"event {envelope.EventId} ({envelope.EventType}) has no trading_date (yyyy-MM-dd) in its payload; every workflow event carries one",
            nameof(envelope));
    }

    /// <summary>Whether the event reports the run (renders the files) and which e-mail, if any, it is due to send.</summary>
    private static bool IsReporting(EventEnvelope envelope, out NotificationKind? kind)
    {
        kind = envelope.EventType switch
        {
            EventTypes.TradeExecuted => NotificationKind.Report,
            EventTypes.WorkflowFailed => NotificationKind.Alert,
            EventTypes.WorkflowCompleted when string.Equals(envelope.PayloadAs<WorkflowCompleted>().Outcome, "skipped", StringComparison.Ordinal) => NotificationKind.Skipped,
            _ => null,
        };
        return kind is not null || string.Equals(envelope.EventType, EventTypes.WorkflowCompleted, StringComparison.Ordinal);
    }

    /// <summary>Renders the run's files until no event arrived while writing them; the e-mail of the last rendering.</summary>
    private async Task<(string Subject, string Body)> RenderAsync(EventEnvelope trigger, DateOnly tradingDate, CancellationToken cancellationToken)
    {
        var events = await RunEventsAsync(trigger, tradingDate, cancellationToken).ConfigureAwait(false);
        for (var rendering = 1; ; rendering++)
        {
            var report = RunReport.From(events);
            var email = PlainTextEmail.Render(report);
            await reports.PutTextAsync(ReportKeys.Html(tradingDate), HtmlReport.Render(report), cancellationToken).ConfigureAwait(false);
            await reports.PutTextAsync(ReportKeys.OrdersCsv(tradingDate), CsvReports.Orders(report), cancellationToken).ConfigureAwait(false);
            await reports.PutTextAsync(ReportKeys.AllocationsCsv(tradingDate), CsvReports.Allocations(report), cancellationToken).ConfigureAwait(false);
            await reports.PutTextAsync(ReportKeys.Email(tradingDate), email.Subject + "\n\n" + email.Body, cancellationToken).ConfigureAwait(false);
            if (rendering == MaxRenderings)
            {
                return email;
            }

            var now = await RunEventsAsync(trigger, tradingDate, cancellationToken).ConfigureAwait(false);
            if (now.Select(e => e.EventId).ToHashSet(StringComparer.Ordinal).IsSubsetOf(events.Select(e => e.EventId)))
            {
                return email;
            }

            events = now;
        }
    }

    /// <summary>Every archived event of the trigger's run, the trigger included even if the listing does not show it yet.</summary>
    private async Task<List<EventEnvelope>> RunEventsAsync(EventEnvelope trigger, DateOnly tradingDate, CancellationToken cancellationToken)
    {
        var folder = ReportKeys.RunFolder(tradingDate, trigger.CorrelationId);
        var keys = (await reports.ListKeysAsync(folder, cancellationToken).ConfigureAwait(false))
            .Where(key => ReportKeys.IsArchivedEvent(folder, key))
            .ToList();
        var texts = await Task.WhenAll(keys.Select(key => reports.GetTextAsync(key, cancellationToken))).ConfigureAwait(false);
        return
        [
            trigger,
            .. texts.OfType<string>().Select(EventEnvelope.FromJson).Where(e => !string.Equals(e.EventId, trigger.EventId, StringComparison.Ordinal)),
        ];
    }
}
