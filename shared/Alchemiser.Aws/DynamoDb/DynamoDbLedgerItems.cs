using System.Globalization;
using Alchemiser.Core.Trading;
using Amazon.DynamoDBv2.Model;

namespace Alchemiser.Aws.DynamoDb;

/// <summary>
/// Fills to and from items of the ledger table. Decimals are invariant text (scale kept), timestamps UTC ticks, the
/// attribution a list of maps in its order. Every item also carries the sort keys its indexes use:
/// <c>filled_key</c> (<c>ticks#fill_id</c>) and <c>date_key</c> (<c>yyyy-MM-dd#ticks#fill_id</c>), and the constant
/// <c>ledger</c> partition of the date index.
/// </summary>
internal static class DynamoDbLedgerItems
{
    public const string FillId = "fill_id";
    public const string CorrelationId = "correlation_id";
    public const string Symbol = "symbol";
    public const string FilledKey = "filled_key";
    public const string DateKey = "date_key";
    public const string Ledger = "ledger";

    /// <summary>The one value of <see cref="Ledger"/>: every fill sits in the date index's one partition.</summary>
    public const string LedgerPartition = "fills";

    private const string TradingDate = "trading_date";
    private const string Side = "side";
    private const string Quantity = "quantity";
    private const string Price = "price";
    private const string ClientOrderId = "client_order_id";
    private const string BrokerOrderId = "broker_order_id";
    private const string Attribution = "attribution";
    private const string StrategyId = "strategy_id";
    private const string FilledAt = "filled_at";
    private const string RecordedAt = "recorded_at";

    public static Dictionary<string, AttributeValue> ToItem(LedgerFill fill)
    {
        var ticks = fill.FilledAt.UtcTicks.ToString("D19", CultureInfo.InvariantCulture);
        var item = new Dictionary<string, AttributeValue>(StringComparer.Ordinal)
        {
            [FillId] = DynamoDbValues.Text(fill.FillId),
            [CorrelationId] = DynamoDbValues.Text(fill.CorrelationId),
            [TradingDate] = DynamoDbValues.Date(fill.TradingDate),
            [Symbol] = DynamoDbValues.Text(fill.Symbol),
            [Side] = DynamoDbValues.Text(fill.Side),
            [Quantity] = DynamoDbValues.Decimal(fill.Quantity),
            [Price] = DynamoDbValues.Decimal(fill.Price),
            [ClientOrderId] = DynamoDbValues.Text(fill.ClientOrderId),
            [Attribution] = new AttributeValue
            {
                L = [.. fill.Attribution.Select(a => new AttributeValue
                {
                    M = new Dictionary<string, AttributeValue>(StringComparer.Ordinal)
                    {
                        [StrategyId] = DynamoDbValues.Text(a.StrategyId),
                        [Quantity] = DynamoDbValues.Decimal(a.Quantity),
                    },
                })],
            },
            [FilledAt] = DynamoDbValues.Ticks(fill.FilledAt),
            [RecordedAt] = DynamoDbValues.Ticks(fill.RecordedAt),
            [FilledKey] = DynamoDbValues.Text($"{ticks}#{fill.FillId}"),
            [DateKey] = DynamoDbValues.Text($"{DateKeyStart(fill.TradingDate)}{ticks}#{fill.FillId}"),
            [Ledger] = DynamoDbValues.Text(LedgerPartition),
        };
        if (fill.BrokerOrderId is not null)
        {
            item[BrokerOrderId] = DynamoDbValues.Text(fill.BrokerOrderId);
        }

        return item;
    }

    public static LedgerFill FromItem(Dictionary<string, AttributeValue> item) =>
        new(
            FillId: DynamoDbValues.ReadText(item, FillId),
            CorrelationId: DynamoDbValues.ReadText(item, CorrelationId),
            TradingDate: DynamoDbValues.ReadDate(item, TradingDate),
            Symbol: DynamoDbValues.ReadText(item, Symbol),
            Side: DynamoDbValues.ReadText(item, Side),
            Quantity: DynamoDbValues.ReadDecimal(item, Quantity),
            Price: DynamoDbValues.ReadDecimal(item, Price),
            ClientOrderId: DynamoDbValues.ReadText(item, ClientOrderId),
            BrokerOrderId: DynamoDbValues.ReadOptionalText(item, BrokerOrderId),
            Attribution: Array.AsReadOnly(
                (item.TryGetValue(Attribution, out var list) ? list.L ?? [] : [])
                    .Select(a => new StrategyAttribution(DynamoDbValues.ReadText(a.M, StrategyId), DynamoDbValues.ReadDecimal(a.M, Quantity)))
                    .ToArray()),
            FilledAt: DynamoDbValues.ReadTicks(item, FilledAt),
            RecordedAt: DynamoDbValues.ReadTicks(item, RecordedAt));

    /// <summary>The smallest <c>date_key</c> of a trading date (<c>yyyy-MM-dd#</c>).</summary>
    public static string DateKeyStart(DateOnly date) => DynamoDbValues.DateText(date) + "#";

    /// <summary>Above every <c>date_key</c> of a trading date (<c>yyyy-MM-dd$</c>: <c>$</c> sorts right after <c>#</c>).</summary>
    public static string DateKeyEnd(DateOnly date) => DynamoDbValues.DateText(date) + "$";
}
