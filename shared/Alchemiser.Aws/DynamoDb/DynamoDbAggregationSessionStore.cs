using Alchemiser.Core.Sessions;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace Alchemiser.Aws.DynamoDb;

/// <summary>
/// Aggregation sessions in a DynamoDB table keyed by <c>session_id</c>, one item per session with its results inside
/// it. Every write is one conditional write of that item, so it is atomic: a create succeeds once per id, a result is
/// recorded once per strategy (<c>attribute_not_exists(results.&lt;strategy&gt;)</c>, and the update returns the
/// session exactly as it stood after it, so exactly one recorder sees it complete), and a claim or a finish succeeds
/// for one caller only. <see cref="FindAsync"/> uses the <see cref="ByStageDateIndex"/> GSI. <c>expires_at</c> (epoch
/// seconds) is the table's TTL; like the SQLite store, reads return a session until it is deleted.
/// </summary>
public sealed class DynamoDbAggregationSessionStore(IAmazonDynamoDB client, string tableName) : IAggregationSessionStore
{
    /// <summary>GSI: partition <c>stage</c>, sort <c>trading_date</c> (<c>yyyy-MM-dd</c>).</summary>
    public const string ByStageDateIndex = "by_stage_and_date";

    /// <summary>The TTL attribute (epoch seconds).</summary>
    public const string TimeToLiveAttribute = DynamoDbSessionItems.ExpiresAt;

    /// <summary>The table's definition: key <c>session_id</c> (S), the stage-and-date index, on-demand billing.</summary>
    public static CreateTableRequest TableDefinition(string tableName) => new()
    {
        TableName = tableName,
        KeySchema = DynamoDbTables.Key(DynamoDbSessionItems.SessionId),
        AttributeDefinitions =
        [
            DynamoDbTables.StringAttribute(DynamoDbSessionItems.SessionId),
            DynamoDbTables.StringAttribute(DynamoDbSessionItems.Stage),
            DynamoDbTables.StringAttribute(DynamoDbSessionItems.TradingDate),
        ],
        GlobalSecondaryIndexes = [DynamoDbTables.Index(ByStageDateIndex, DynamoDbSessionItems.Stage, DynamoDbSessionItems.TradingDate)],
        BillingMode = BillingMode.PAY_PER_REQUEST,
    };

    /// <summary>Creates the table, its index and its TTL unless it exists.</summary>
    public Task EnsureTableAsync(CancellationToken cancellationToken = default) =>
        DynamoDbTables.EnsureAsync(client, TableDefinition(tableName), TimeToLiveAttribute, cancellationToken);

    /// <inheritdoc />
    public async Task<bool> TryCreateAsync(AggregationSession session, CancellationToken cancellationToken = default)
    {
        SessionChecks.New(session);
        try
        {
            await client.PutItemAsync(new PutItemRequest
            {
                TableName = tableName,
                Item = DynamoDbSessionItems.ToItem(CanonicalSession.Of(session)),
                ConditionExpression = "attribute_not_exists(#id)",
                ExpressionAttributeNames = Names(("#id", DynamoDbSessionItems.SessionId)),
            }, cancellationToken);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public async Task<AggregationSession?> GetAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(sessionId);
        var item = await ReadAsync(sessionId, cancellationToken);
        return item is null ? null : DynamoDbSessionItems.FromItem(item);
    }

    /// <inheritdoc />
    public async Task<RecordOutcome> RecordResultAsync(string sessionId, StrategyResult result, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(sessionId);
        SessionChecks.Result(result);
        try
        {
            var response = await client.UpdateItemAsync(new UpdateItemRequest
            {
                TableName = tableName,
                Key = Key(sessionId),
                UpdateExpression = "SET #results.#strategy = :result",
                ConditionExpression = "attribute_exists(#id) AND contains(#ids, :strategy) AND attribute_not_exists(#results.#strategy)",
                ExpressionAttributeNames = Names(
                    ("#id", DynamoDbSessionItems.SessionId), ("#ids", DynamoDbSessionItems.StrategyIds),
                    ("#results", DynamoDbSessionItems.Results), ("#strategy", result.StrategyId)),
                ExpressionAttributeValues = Values(
                    (":strategy", DynamoDbValues.Text(result.StrategyId)),
                    (":result", DynamoDbSessionItems.ResultValue(CanonicalSession.Of(result)))),
                ReturnValues = ReturnValue.ALL_NEW,
            }, cancellationToken);
            return new RecordOutcome(true, DynamoDbSessionItems.FromItem(response.Attributes));
        }
        catch (ConditionalCheckFailedException)
        {
            var session = await GetAsync(sessionId, cancellationToken) ?? throw SessionChecks.UnknownSession(sessionId);
            if (!session.Strategies.Any(s => string.Equals(s.StrategyId, result.StrategyId, StringComparison.Ordinal)))
            {
                throw SessionChecks.UnexpectedStrategy(sessionId, result.StrategyId);
            }

            return new RecordOutcome(false, session);
        }
    }

    /// <inheritdoc />
    public Task<bool> TryClaimAsync(string sessionId, string claimant, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        SessionChecks.Claim(sessionId, claimant, lease);
        return TryUpdateAsync(new UpdateItemRequest
        {
            TableName = tableName,
            Key = Key(sessionId),
            UpdateExpression = "SET #status = :completing, #claimed_by = :claimant, #claim_expires_at = :claim_expires_at",
            ConditionExpression = "attribute_exists(#id) AND (#status = :collecting OR (#status = :completing AND #claim_expires_at <= :now))",
            ExpressionAttributeNames = Names(
                ("#id", DynamoDbSessionItems.SessionId), ("#status", DynamoDbSessionItems.Status),
                ("#claimed_by", DynamoDbSessionItems.ClaimedBy), ("#claim_expires_at", DynamoDbSessionItems.ClaimExpiresAt)),
            ExpressionAttributeValues = Values(
                (":completing", Status(SessionStatus.Completing)), (":collecting", Status(SessionStatus.Collecting)),
                (":claimant", DynamoDbValues.Text(claimant)), (":claim_expires_at", DynamoDbValues.Ticks(now + lease)),
                (":now", DynamoDbValues.Ticks(now))),
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<bool> TryFinishAsync(string sessionId, string claimant, SessionStatus outcome, string outcomeEventId, CancellationToken cancellationToken = default)
    {
        SessionChecks.Finish(sessionId, claimant, outcome, outcomeEventId);
        return TryUpdateAsync(new UpdateItemRequest
        {
            TableName = tableName,
            Key = Key(sessionId),
            UpdateExpression = "SET #status = :outcome, #outcome_event_id = :outcome_event_id",
            ConditionExpression = "attribute_exists(#id) AND #status = :completing AND #claimed_by = :claimant",
            ExpressionAttributeNames = Names(
                ("#id", DynamoDbSessionItems.SessionId), ("#status", DynamoDbSessionItems.Status),
                ("#claimed_by", DynamoDbSessionItems.ClaimedBy), ("#outcome_event_id", DynamoDbSessionItems.OutcomeEventId)),
            ExpressionAttributeValues = Values(
                (":outcome", Status(outcome)), (":completing", Status(SessionStatus.Completing)),
                (":claimant", DynamoDbValues.Text(claimant)), (":outcome_event_id", DynamoDbValues.Text(outcomeEventId))),
        }, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<AggregationSession>> FindAsync(string stage, DateOnly tradingDate, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stage);
        if (stage.Length == 0)
        {
            return [];
        }

        var sessions = new List<AggregationSession>();
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var response = await client.QueryAsync(new QueryRequest
            {
                TableName = tableName,
                IndexName = ByStageDateIndex,
                KeyConditionExpression = "#stage = :stage AND #date = :date",
                ExpressionAttributeNames = Names(("#stage", DynamoDbSessionItems.Stage), ("#date", DynamoDbSessionItems.TradingDate)),
                ExpressionAttributeValues = Values((":stage", DynamoDbValues.Text(stage)), (":date", DynamoDbValues.Date(tradingDate))),
                ExclusiveStartKey = start,
            }, cancellationToken);
            sessions.AddRange((response.Items ?? []).Select(DynamoDbSessionItems.FromItem));
            start = response.LastEvaluatedKey is { Count: > 0 } next ? next : null;
        }
        while (start is not null);

        return SessionOrder.NewestFirst(sessions);
    }

    private async Task<bool> TryUpdateAsync(UpdateItemRequest request, CancellationToken cancellationToken)
    {
        try
        {
            await client.UpdateItemAsync(request, cancellationToken);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }

    private async Task<Dictionary<string, AttributeValue>?> ReadAsync(string sessionId, CancellationToken cancellationToken)
    {
        var response = await client.GetItemAsync(new GetItemRequest { TableName = tableName, Key = Key(sessionId), ConsistentRead = true }, cancellationToken);
        return response.Item is { Count: > 0 } item ? item : null;
    }

    private static Dictionary<string, AttributeValue> Key(string sessionId) =>
        new(StringComparer.Ordinal) { [DynamoDbSessionItems.SessionId] = DynamoDbValues.Text(sessionId) };

    private static AttributeValue Status(SessionStatus status) => DynamoDbValues.Text(DynamoDbSessionItems.StatusText(status));

    private static Dictionary<string, string> Names(params (string Placeholder, string Name)[] names) =>
        names.ToDictionary(n => n.Placeholder, n => n.Name, StringComparer.Ordinal);

    private static Dictionary<string, AttributeValue> Values(params (string Placeholder, AttributeValue Value)[] values) =>
        values.ToDictionary(v => v.Placeholder, v => v.Value, StringComparer.Ordinal);
}
