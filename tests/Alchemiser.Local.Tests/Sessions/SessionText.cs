using System.Globalization;
using System.Text;
using Alchemiser.Core.Sessions;

namespace Alchemiser.Local.Tests.Sessions;

/// <summary>
/// Every field of a session as text, in the order the session enumerates it: decimals with their scale, timestamps
/// round-trip ("O", offset included). Two sessions with equal text are the same to the last digit, tick and key order.
/// </summary>
internal static class SessionText
{
    public static string Of(AggregationSession s)
    {
        var text = new StringBuilder();
        Line(text, string.Create(CultureInfo.InvariantCulture, $"id={s.SessionId} correlation={s.CorrelationId} date={s.TradingDate:yyyy-MM-dd} stage={s.Stage} policy={s.FailurePolicy}"));
        Line(text, string.Create(CultureInfo.InvariantCulture, $"created={Instant(s.CreatedAt)} deadline={Instant(s.Deadline)} expires={Instant(s.ExpiresAt)}"));
        Line(text, string.Create(CultureInfo.InvariantCulture, $"status={s.Status} claimedBy={s.ClaimedBy ?? "-"} claimExpires={(s.ClaimExpiresAt is { } c ? Instant(c) : "-")} outcome={s.OutcomeEventId ?? "-"}"));
        foreach (var strategy in s.Strategies)
        {
            Line(text, string.Create(CultureInfo.InvariantCulture, $"strategy {strategy.StrategyId} file={strategy.StrategyFile} weight={strategy.AllocationWeight}"));
        }

        foreach (var result in s.Results)
        {
            Line(text, Of(result));
        }

        return text.ToString();
    }

    public static string Of(StrategyResult r)
    {
        var allocation = r.Allocation is null ? "-" : string.Join(",", r.Allocation.Select(a => string.Create(CultureInfo.InvariantCulture, $"{a.Key}:{a.Value}")));
        return string.Create(
            CultureInfo.InvariantCulture,
            $"result {r.StrategyId} ok={r.Succeeded} allocation={allocation} category={r.FailureCategory ?? "-"} reason={r.FailureReason ?? "-"} event={r.EventId} at={Instant(r.RecordedAt)}");
    }

    private static string Instant(DateTimeOffset instant) => instant.ToString("O", CultureInfo.InvariantCulture);

    private static void Line(StringBuilder text, string line) => text.Append(line).Append('\n');
}
