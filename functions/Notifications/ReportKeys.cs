using System.Globalization;
using Alchemiser.Core.Reports;

namespace Alchemiser.Notifications;

/// <summary>
/// Where Notifications keeps things in the report store. Per trading date (<c>yyyy-MM-dd</c>): the report files of the
/// day's latest rendering (<c>report.html</c>, <c>orders.csv</c>, <c>allocations.csv</c>, <c>email.txt</c>), and per run
/// the archived events (<c>events/{correlation id}/{event id}.json</c>) and a marker per e-mail sent
/// (<c>events/{correlation id}/sent/{event id}</c>, named after the event that triggered it). Ids are written with
/// <see cref="ReportKey.Segment"/>, so any id makes a valid key of exactly one segment.
/// </summary>
public static class ReportKeys
{
    /// <summary><c>{date}/report.html</c>: the HTML report.</summary>
    public static string Html(DateOnly tradingDate) => Day(tradingDate) + "/report.html";

    /// <summary><c>{date}/orders.csv</c>: fills, then failed orders.</summary>
    public static string OrdersCsv(DateOnly tradingDate) => Day(tradingDate) + "/orders.csv";

    /// <summary><c>{date}/allocations.csv</c>: the consolidated target, then per strategy.</summary>
    public static string AllocationsCsv(DateOnly tradingDate) => Day(tradingDate) + "/allocations.csv";

    /// <summary><c>{date}/email.txt</c>: the e-mail as it reads now (subject line, empty line, body).</summary>
    public static string Email(DateOnly tradingDate) => Day(tradingDate) + "/email.txt";

    /// <summary><c>{date}/events/{correlation id}/</c>: the prefix of everything kept about one run.</summary>
    public static string RunFolder(DateOnly tradingDate, string correlationId) =>
        $"{Day(tradingDate)}/events/{ReportKey.Segment(correlationId)}/";

    /// <summary><c>{date}/events/{correlation id}/{event id}.json</c>: one archived event envelope.</summary>
    public static string ArchivedEvent(DateOnly tradingDate, string correlationId, string eventId) =>
        RunFolder(tradingDate, correlationId) + ReportKey.Segment(eventId) + ".json";

    /// <summary><c>{date}/events/{correlation id}/sent/{event id}</c>: the e-mail triggered by that event has been sent.</summary>
    public static string SentMarker(DateOnly tradingDate, string correlationId, string eventId) =>
        RunFolder(tradingDate, correlationId) + "sent/" + ReportKey.Segment(eventId);

    /// <summary>Whether <paramref name="key"/>, listed under <see cref="RunFolder"/>, is an archived event (not a marker).</summary>
    public static bool IsArchivedEvent(string runFolder, string key)
    {
        ArgumentNullException.ThrowIfNull(runFolder);
        ArgumentNullException.ThrowIfNull(key);
        return key.StartsWith(runFolder, StringComparison.Ordinal)
            && key.EndsWith(".json", StringComparison.Ordinal)
            && key.IndexOf('/', runFolder.Length) < 0;
    }

    private static string Day(DateOnly tradingDate) => tradingDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
