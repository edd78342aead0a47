using System.Globalization;
using Alchemiser.Core.Sessions;
using Microsoft.Data.Sqlite;

namespace Alchemiser.Local.Sessions;

/// <summary>
/// Sessions and results to and from rows of <see cref="SqliteSessionSchema"/>: the insert statements with their
/// parameters, and reading whole sessions (with their results) that match a condition.
/// </summary>
internal static class SqliteSessionRows
{
    public const string InsertSession = """
        INSERT INTO sessions (session_id, correlation_id, trading_date, stage, failure_policy, strategies, created_at,
                              deadline, expires_at, status, claimed_by, claim_expires_at, outcome_event_id)
        VALUES ($session_id, $correlation_id, $trading_date, $stage, $failure_policy, $strategies, $created_at,
                $deadline, $expires_at, $status, $claimed_by, $claim_expires_at, $outcome_event_id)
        ON CONFLICT (session_id) DO NOTHING;
        """;

    public const string InsertResult = """
        INSERT INTO results (session_id, strategy_id, succeeded, allocation, failure_category, failure_reason, event_id, recorded_at)
        VALUES ($session_id, $strategy_id, $succeeded, $allocation, $failure_category, $failure_reason, $event_id, $recorded_at)
        ON CONFLICT (session_id, strategy_id) DO NOTHING;
        """;

    private const string SessionColumns =
        "session_id, correlation_id, trading_date, stage, failure_policy, strategies, created_at, deadline, expires_at, status, claimed_by, claim_expires_at, outcome_event_id";

    private const string ResultColumns =
        "session_id, strategy_id, succeeded, allocation, failure_category, failure_reason, event_id, recorded_at";

    private const string DateFormat = "yyyy-MM-dd";

    public static void BindSession(SqliteParameterCollection p, AggregationSession session)
    {
        p.AddWithValue("$session_id", session.SessionId);
        p.AddWithValue("$correlation_id", session.CorrelationId);
        p.AddWithValue("$trading_date", DateText(session.TradingDate));
        p.AddWithValue("$stage", session.Stage);
        p.AddWithValue("$failure_policy", session.FailurePolicy);
        p.AddWithValue("$strategies", SessionJson.Strategies(session.Strategies));
        p.AddWithValue("$created_at", Ticks(session.CreatedAt));
        p.AddWithValue("$deadline", Ticks(session.Deadline));
        p.AddWithValue("$expires_at", Ticks(session.ExpiresAt));
        p.AddWithValue("$status", StatusText(session.Status));
        p.AddWithValue("$claimed_by", (object?)session.ClaimedBy ?? DBNull.Value);
        p.AddWithValue("$claim_expires_at", session.ClaimExpiresAt is { } claimEnd ? Ticks(claimEnd) : DBNull.Value);
        p.AddWithValue("$outcome_event_id", (object?)session.OutcomeEventId ?? DBNull.Value);
    }

    public static void BindResult(SqliteParameterCollection p, string sessionId, StrategyResult result)
    {
        p.AddWithValue("$session_id", sessionId);
        p.AddWithValue("$strategy_id", result.StrategyId);
        p.AddWithValue("$succeeded", result.Succeeded ? 1 : 0);
        p.AddWithValue("$allocation", (object?)SessionJson.Allocation(result.Allocation) ?? DBNull.Value);
        p.AddWithValue("$failure_category", (object?)result.FailureCategory ?? DBNull.Value);
        p.AddWithValue("$failure_reason", (object?)result.FailureReason ?? DBNull.Value);
        p.AddWithValue("$event_id", result.EventId);
        p.AddWithValue("$recorded_at", Ticks(result.RecordedAt));
    }

    /// <summary>
    /// The sessions of table alias <c>s</c> that satisfy <paramref name="condition"/> (whose parameters
    /// <paramref name="bind"/> adds), each with its results. Run it inside one transaction for a consistent snapshot.
    /// </summary>
    public static async Task<List<AggregationSession>> ReadAsync(
        SqliteConnection connection, SqliteTransaction transaction, string condition, Action<SqliteParameterCollection> bind,
        CancellationToken cancellationToken)
    {
        var results = new Dictionary<string, List<StrategyResult>>(StringComparer.Ordinal);
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = $"SELECT {ResultColumns} FROM results WHERE session_id IN (SELECT s.session_id FROM sessions s WHERE {condition});";
            bind(command.Parameters);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var sessionId = reader.GetString(0);
                if (!results.TryGetValue(sessionId, out var list))
                {
                    results[sessionId] = list = [];
                }

                list.Add(new StrategyResult(
                    StrategyId: reader.GetString(1),
                    Succeeded: reader.GetInt64(2) != 0,
                    Allocation: SessionJson.ReadAllocation(NullableText(reader, 3)),
                    FailureCategory: NullableText(reader, 4),
                    FailureReason: NullableText(reader, 5),
                    EventId: reader.GetString(6),
                    RecordedAt: Instant(reader.GetInt64(7))));
            }
        }

        var sessions = new List<AggregationSession>();
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = $"SELECT {SessionColumns} FROM sessions s WHERE {condition};";
            bind(command.Parameters);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var sessionId = reader.GetString(0);
                var strategies = SessionJson.ReadStrategies(reader.GetString(5));
                sessions.Add(new AggregationSession(
                    SessionId: sessionId,
                    CorrelationId: reader.GetString(1),
                    TradingDate: DateOnly.ParseExact(reader.GetString(2), DateFormat, CultureInfo.InvariantCulture),
                    Stage: reader.GetString(3),
                    FailurePolicy: reader.GetString(4),
                    Strategies: strategies,
                    CreatedAt: Instant(reader.GetInt64(6)),
                    Deadline: Instant(reader.GetInt64(7)),
                    ExpiresAt: Instant(reader.GetInt64(8)),
                    Status: Status(reader.GetString(9)),
                    Results: CanonicalSession.InStrategyOrder(strategies, results.GetValueOrDefault(sessionId) ?? []),
                    ClaimedBy: NullableText(reader, 10),
                    ClaimExpiresAt: reader.IsDBNull(11) ? null : Instant(reader.GetInt64(11)),
                    OutcomeEventId: NullableText(reader, 12)));
            }
        }

        return sessions;
    }

    public static string DateText(DateOnly date) => date.ToString(DateFormat, CultureInfo.InvariantCulture);

    public static long Ticks(DateTimeOffset instant) => instant.UtcTicks;

    public static string StatusText(SessionStatus status) => SessionStatusText.Of(status);

    private static SessionStatus Status(string text) => SessionStatusText.Parse(text, "session database");

    private static DateTimeOffset Instant(long utcTicks) => new(utcTicks, TimeSpan.Zero);

    private static string? NullableText(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
