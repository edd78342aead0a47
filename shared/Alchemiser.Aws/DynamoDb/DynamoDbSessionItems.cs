using Alchemiser.Core.Sessions;
using Amazon.DynamoDBv2.Model;

namespace Alchemiser.Aws.DynamoDb;

/// <summary>
/// Sessions to and from items of the session table: one item per session holding its results in the map
/// <c>results</c> (keyed by strategy id), so recording a result is one conditional update of one item. The expected
/// strategy ids are also kept as the string set <c>strategy_ids</c>, which the update's condition checks. Decimals are
/// invariant text, timestamps UTC ticks; <c>expires_at</c> is the TTL in epoch seconds.
/// </summary>
internal static class DynamoDbSessionItems
{
    public const string SessionId = "session_id";
    public const string Stage = "stage";
    public const string TradingDate = "trading_date";
    public const string Status = "status";
    public const string StrategyIds = "strategy_ids";
    public const string Results = "results";
    public const string ClaimedBy = "claimed_by";
    public const string ClaimExpiresAt = "claim_expires_at";
    public const string OutcomeEventId = "outcome_event_id";
    public const string ExpiresAt = "expires_at";

    private const string CorrelationId = "correlation_id";
    private const string FailurePolicy = "failure_policy";
    private const string Strategies = "strategies";
    private const string StrategyId = "strategy_id";
    private const string StrategyFile = "strategy_file";
    private const string AllocationWeight = "allocation_weight";
    private const string CreatedAt = "created_at";
    private const string Deadline = "deadline";
    private const string ExpiresAtTicks = "expires_at_ticks";
    private const string Succeeded = "succeeded";
    private const string Allocation = "allocation";
    private const string FailureCategory = "failure_category";
    private const string FailureReason = "failure_reason";
    private const string EventId = "event_id";
    private const string RecordedAt = "recorded_at";

    public static Dictionary<string, AttributeValue> ToItem(AggregationSession session)
    {
        var item = new Dictionary<string, AttributeValue>(StringComparer.Ordinal)
        {
            [SessionId] = DynamoDbValues.Text(session.SessionId),
            [CorrelationId] = DynamoDbValues.Text(session.CorrelationId),
            [TradingDate] = DynamoDbValues.Date(session.TradingDate),
            [Stage] = DynamoDbValues.Text(session.Stage),
            [FailurePolicy] = DynamoDbValues.Text(session.FailurePolicy),
            [Strategies] = new AttributeValue
            {
                L = [.. session.Strategies.Select(s => new AttributeValue
                {
                    M = new Dictionary<string, AttributeValue>(StringComparer.Ordinal)
                    {
                        [StrategyId] = DynamoDbValues.Text(s.StrategyId),
                        [StrategyFile] = DynamoDbValues.Text(s.StrategyFile),
                        [AllocationWeight] = DynamoDbValues.Decimal(s.AllocationWeight),
                    },
                })],
            },
            [CreatedAt] = DynamoDbValues.Ticks(session.CreatedAt),
            [Deadline] = DynamoDbValues.Ticks(session.Deadline),
            [ExpiresAt] = DynamoDbValues.EpochSeconds(session.ExpiresAt),
            [ExpiresAtTicks] = DynamoDbValues.Ticks(session.ExpiresAt),
            [Status] = DynamoDbValues.Text(StatusText(session.Status)),
            [Results] = new AttributeValue
            {
                M = session.Results.ToDictionary(r => r.StrategyId, ResultValue, StringComparer.Ordinal),
            },
        };
        if (session.Strategies.Count > 0)
        {
            item[StrategyIds] = new AttributeValue { SS = [.. session.Strategies.Select(s => s.StrategyId)] };
        }

        if (session.ClaimedBy is not null)
        {
            item[ClaimedBy] = DynamoDbValues.Text(session.ClaimedBy);
        }

        if (session.ClaimExpiresAt is { } claimEnd)
        {
            item[ClaimExpiresAt] = DynamoDbValues.Ticks(claimEnd);
        }

        if (session.OutcomeEventId is not null)
        {
            item[OutcomeEventId] = DynamoDbValues.Text(session.OutcomeEventId);
        }

        return item;
    }

    public static AttributeValue ResultValue(StrategyResult result)
    {
        var map = new Dictionary<string, AttributeValue>(StringComparer.Ordinal)
        {
            [Succeeded] = DynamoDbValues.Bool(result.Succeeded),
            [EventId] = DynamoDbValues.Text(result.EventId),
            [RecordedAt] = DynamoDbValues.Ticks(result.RecordedAt),
        };
        if (result.Allocation is not null)
        {
            map[Allocation] = new AttributeValue
            {
                M = result.Allocation.ToDictionary(a => a.Key, a => DynamoDbValues.Decimal(a.Value), StringComparer.Ordinal),
            };
        }

        if (result.FailureCategory is not null)
        {
            map[FailureCategory] = DynamoDbValues.Text(result.FailureCategory);
        }

        if (result.FailureReason is not null)
        {
            map[FailureReason] = DynamoDbValues.Text(result.FailureReason);
        }

        return new AttributeValue { M = map };
    }

    public static AggregationSession FromItem(Dictionary<string, AttributeValue> item)
    {
        var strategies = CanonicalSession.ReadOnly(
            (item.TryGetValue(Strategies, out var list) ? list.L ?? [] : [])
                .Select(s => new SessionStrategy(
                    DynamoDbValues.ReadText(s.M, StrategyId), DynamoDbValues.ReadText(s.M, StrategyFile), DynamoDbValues.ReadDecimal(s.M, AllocationWeight))));
        var results = (item.TryGetValue(Results, out var map) ? map.M ?? [] : [])
            .Select(pair => ReadResult(pair.Key, pair.Value.M ?? []));
        return new AggregationSession(
            SessionId: DynamoDbValues.ReadText(item, SessionId),
            CorrelationId: DynamoDbValues.ReadText(item, CorrelationId),
            TradingDate: DynamoDbValues.ReadDate(item, TradingDate),
            Stage: DynamoDbValues.ReadText(item, Stage),
            FailurePolicy: DynamoDbValues.ReadText(item, FailurePolicy),
            Strategies: strategies,
            CreatedAt: DynamoDbValues.ReadTicks(item, CreatedAt),
            Deadline: DynamoDbValues.ReadTicks(item, Deadline),
            ExpiresAt: DynamoDbValues.ReadTicks(item, ExpiresAtTicks),
            Status: ReadStatus(DynamoDbValues.ReadText(item, Status)),
            Results: CanonicalSession.InStrategyOrder(strategies, results),
            ClaimedBy: DynamoDbValues.ReadOptionalText(item, ClaimedBy),
            ClaimExpiresAt: DynamoDbValues.ReadOptionalTicks(item, ClaimExpiresAt),
            OutcomeEventId: DynamoDbValues.ReadOptionalText(item, OutcomeEventId));
    }

    public static string StatusText(SessionStatus status) => SessionStatusText.Of(status);

    private static SessionStatus ReadStatus(string text) => SessionStatusText.Parse(text, "session table");

    private static StrategyResult ReadResult(string strategyId, Dictionary<string, AttributeValue> map) =>
        new(
            StrategyId: strategyId,
            Succeeded: map.TryGetValue(Succeeded, out var ok) && ok.BOOL == true,
            Allocation: map.TryGetValue(Allocation, out var allocation)
                ? CanonicalSession.Allocation((allocation.M ?? []).Select(a => new KeyValuePair<string, decimal>(a.Key, DynamoDbValues.ParseDecimal(a.Value.S))))
                : null,
            FailureCategory: DynamoDbValues.ReadOptionalText(map, FailureCategory),
            FailureReason: DynamoDbValues.ReadOptionalText(map, FailureReason),
            EventId: DynamoDbValues.ReadText(map, EventId),
            RecordedAt: DynamoDbValues.ReadTicks(map, RecordedAt));
}
