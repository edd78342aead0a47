using System.Globalization;
using Alchemiser.Core.Trading;
using Microsoft.Data.Sqlite;

namespace Alchemiser.Local.Ledger;

/// <summary>
/// Fills to and from rows of <see cref="SqliteLedgerSchema"/>: the idempotent insert with its parameters, and reading
/// the fills that match a condition.
/// </summary>
internal static class SqliteLedgerRows
{
    public const string Insert = """
        INSERT INTO ledger_fills (fill_id, correlation_id, trading_date, symbol, side, quantity, price, client_order_id,
                                  broker_order_id, attribution, filled_at, recorded_at)
        VALUES ($fill_id, $correlation_id, $trading_date, $symbol, $side, $quantity, $price, $client_order_id,
                $broker_order_id, $attribution, $filled_at, $recorded_at)
        ON CONFLICT (fill_id) DO NOTHING;
        """;

    private const string Columns =
        "fill_id, correlation_id, trading_date, symbol, side, quantity, price, client_order_id, broker_order_id, attribution, filled_at, recorded_at";

    private const string DateFormat = "yyyy-MM-dd";

    public static void Bind(SqliteParameterCollection p, LedgerFill fill)
    {
        p.AddWithValue("$fill_id", fill.FillId);
        p.AddWithValue("$correlation_id", fill.CorrelationId);
        p.AddWithValue("$trading_date", DateText(fill.TradingDate));
        p.AddWithValue("$symbol", fill.Symbol);
        p.AddWithValue("$side", fill.Side);
        p.AddWithValue("$quantity", DecimalText(fill.Quantity));
        p.AddWithValue("$price", DecimalText(fill.Price));
        p.AddWithValue("$client_order_id", fill.ClientOrderId);
        p.AddWithValue("$broker_order_id", (object?)fill.BrokerOrderId ?? DBNull.Value);
        p.AddWithValue("$attribution", LedgerJson.Attribution(fill.Attribution));
        p.AddWithValue("$filled_at", fill.FilledAt.UtcTicks);
        p.AddWithValue("$recorded_at", fill.RecordedAt.UtcTicks);
    }

    /// <summary>The fills that satisfy <paramref name="condition"/> (whose parameters <paramref name="bind"/> adds).</summary>
    public static async Task<List<LedgerFill>> ReadAsync(
        SqliteConnection connection, string condition, Action<SqliteParameterCollection> bind, CancellationToken cancellationToken)
    {
        var fills = new List<LedgerFill>();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM ledger_fills WHERE {condition} ORDER BY filled_at, fill_id;";
        bind(command.Parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            fills.Add(new LedgerFill(
                FillId: reader.GetString(0),
                CorrelationId: reader.GetString(1),
                TradingDate: DateOnly.ParseExact(reader.GetString(2), DateFormat, CultureInfo.InvariantCulture),
                Symbol: reader.GetString(3),
                Side: reader.GetString(4),
                Quantity: ReadDecimal(reader.GetString(5)),
                Price: ReadDecimal(reader.GetString(6)),
                ClientOrderId: reader.GetString(7),
                BrokerOrderId: reader.IsDBNull(8) ? null : reader.GetString(8),
                Attribution: LedgerJson.ReadAttribution(reader.GetString(9)),
                FilledAt: new DateTimeOffset(reader.GetInt64(10), TimeSpan.Zero),
                RecordedAt: new DateTimeOffset(reader.GetInt64(11), TimeSpan.Zero)));
        }

        return fills;
    }

    public static string DateText(DateOnly date) => date.ToString(DateFormat, CultureInfo.InvariantCulture);

    private static string DecimalText(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static decimal ReadDecimal(string text) =>
        decimal.Parse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
}
