using Alchemiser.Core.Trading;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace Alchemiser.Aws.DynamoDb;

/// <summary>
/// The trade ledger in a DynamoDB table keyed by <c>fill_id</c>: a fill is recorded by one put conditioned on
/// <c>attribute_not_exists(fill_id)</c>, so it is recorded once per fill id however many callers race. Queries go
/// through three global secondary indexes (<see cref="ByCorrelationIndex"/>, <see cref="BySymbolIndex"/>,
/// <see cref="ByDateIndex"/>), page through every result and answer in the port's order (re-sorted in .NET, since
/// DynamoDB orders keys by UTF-8 bytes, not ordinal UTF-16). Index reads are eventually consistent in AWS: a fill is
/// seen by the queries shortly after it is recorded, not necessarily at once.
/// </summary>
public sealed class DynamoDbTradeLedger(IAmazonDynamoDB client, string tableName) : ITradeLedger
{
    /// <summary>GSI: partition <c>correlation_id</c>, sort <c>filled_key</c>.</summary>
    public const string ByCorrelationIndex = "by_correlation";

    /// <summary>GSI: partition <c>symbol</c>, sort <c>date_key</c> (<c>yyyy-MM-dd#ticks#fill_id</c>).</summary>
    public const string BySymbolIndex = "by_symbol";

    /// <summary>GSI: partition <c>ledger</c> (always <c>fills</c>), sort <c>date_key</c>.</summary>
    public const string ByDateIndex = "by_trading_date";

    /// <summary>The table's definition: key <c>fill_id</c> (S), the three indexes (all attributes projected), on-demand billing.</summary>
    public static CreateTableRequest TableDefinition(string tableName) => new()
    {
        TableName = tableName,
        KeySchema = DynamoDbTables.Key(DynamoDbLedgerItems.FillId),
        AttributeDefinitions =
        [
            DynamoDbTables.StringAttribute(DynamoDbLedgerItems.FillId),
            DynamoDbTables.StringAttribute(DynamoDbLedgerItems.CorrelationId),
            DynamoDbTables.StringAttribute(DynamoDbLedgerItems.FilledKey),
            DynamoDbTables.StringAttribute(DynamoDbLedgerItems.Symbol),
            DynamoDbTables.StringAttribute(DynamoDbLedgerItems.DateKey),
            DynamoDbTables.StringAttribute(DynamoDbLedgerItems.Ledger),
        ],
        GlobalSecondaryIndexes =
        [
            DynamoDbTables.Index(ByCorrelationIndex, DynamoDbLedgerItems.CorrelationId, DynamoDbLedgerItems.FilledKey),
            DynamoDbTables.Index(BySymbolIndex, DynamoDbLedgerItems.Symbol, DynamoDbLedgerItems.DateKey),
            DynamoDbTables.Index(ByDateIndex, DynamoDbLedgerItems.Ledger, DynamoDbLedgerItems.DateKey),
        ],
        BillingMode = BillingMode.PAY_PER_REQUEST,
    };

    /// <summary>Creates the table and its indexes unless it exists (the ledger keeps its fills: no TTL).</summary>
    public Task EnsureTableAsync(CancellationToken cancellationToken = default) =>
        DynamoDbTables.EnsureAsync(client, TableDefinition(tableName), timeToLiveAttribute: null, cancellationToken);

    /// <inheritdoc />
    public async Task<bool> RecordAsync(LedgerFill fill, CancellationToken cancellationToken = default)
    {
        LedgerFillRules.Validate(fill);
        try
        {
            await client.PutItemAsync(new PutItemRequest
            {
                TableName = tableName,
                Item = DynamoDbLedgerItems.ToItem(CanonicalFill.Of(fill)),
                ConditionExpression = "attribute_not_exists(#id)",
                ExpressionAttributeNames = new Dictionary<string, string>(StringComparer.Ordinal) { ["#id"] = DynamoDbLedgerItems.FillId },
            }, cancellationToken);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<LedgerFill>> ByCorrelationAsync(string correlationId, CancellationToken cancellationToken = default)
    {
        LedgerQueryChecks.Correlation(correlationId);
        return QueryAsync(ByCorrelationIndex, "#p = :p", DynamoDbLedgerItems.CorrelationId, correlationId, null, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<LedgerFill>> ByTradingDateRangeAsync(
        DateOnly from, DateOnly to, string? symbol = null, CancellationToken cancellationToken = default)
    {
        LedgerQueryChecks.Range(from, to, symbol);
        var range = (DynamoDbLedgerItems.DateKeyStart(from), DynamoDbLedgerItems.DateKeyEnd(to));
        return symbol is null
            ? QueryAsync(ByDateIndex, "#p = :p AND #s BETWEEN :from AND :to", DynamoDbLedgerItems.Ledger, DynamoDbLedgerItems.LedgerPartition, range, cancellationToken)
            : QueryAsync(BySymbolIndex, "#p = :p AND #s BETWEEN :from AND :to", DynamoDbLedgerItems.Symbol, symbol, range, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<LedgerFill>> BySymbolAsync(string symbol, CancellationToken cancellationToken = default)
    {
        LedgerQueryChecks.Symbol(symbol);
        return QueryAsync(BySymbolIndex, "#p = :p", DynamoDbLedgerItems.Symbol, symbol, null, cancellationToken);
    }

    private async Task<IReadOnlyList<LedgerFill>> QueryAsync(
        string index, string keyCondition, string partitionAttribute, string partitionValue, (string From, string To)? dateKeys,
        CancellationToken cancellationToken)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal) { ["#p"] = partitionAttribute };
        var values = new Dictionary<string, AttributeValue>(StringComparer.Ordinal) { [":p"] = DynamoDbValues.Text(partitionValue) };
        if (dateKeys is { } range)
        {
            names["#s"] = DynamoDbLedgerItems.DateKey;
            values[":from"] = DynamoDbValues.Text(range.From);
            values[":to"] = DynamoDbValues.Text(range.To);
        }

        var fills = new List<LedgerFill>();
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var response = await client.QueryAsync(new QueryRequest
            {
                TableName = tableName,
                IndexName = index,
                KeyConditionExpression = keyCondition,
                ExpressionAttributeNames = names,
                ExpressionAttributeValues = values,
                ExclusiveStartKey = start,
            }, cancellationToken);
            fills.AddRange((response.Items ?? []).Select(DynamoDbLedgerItems.FromItem));
            start = response.LastEvaluatedKey is { Count: > 0 } next ? next : null;
        }
        while (start is not null);

        return LedgerOrder.Chronological(fills);
    }
}
