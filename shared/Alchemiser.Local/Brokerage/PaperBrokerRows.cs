using System.Globalization;
using Alchemiser.Core.Brokerage;
using Alchemiser.Core.Errors;
using Microsoft.Data.Sqlite;

namespace Alchemiser.Local.Brokerage;

/// <summary>
/// The paper account to and from rows of <see cref="PaperBrokerSchema"/>: loading a <see cref="PaperBook"/> (and
/// creating the account on first use), saving what changed in it, and reading single orders and fills.
/// </summary>
internal static class PaperBrokerRows
{
    private const string OrderColumns =
        "order_id, number, client_order_id, symbol, side, type, quantity, limit_price, reserve_price, status, filled_quantity, " +
        "filled_notional, submitted_at, updated_at, filled_at, expires_at, replaced_by, reason";

    private const string UpsertOrder = $"""
        INSERT INTO paper_orders ({OrderColumns})
        VALUES ($order_id, $number, $client_order_id, $symbol, $side, $type, $quantity, $limit_price, $reserve_price, $status,
                $filled_quantity, $filled_notional, $submitted_at, $updated_at, $filled_at, $expires_at, $replaced_by, $reason)
        ON CONFLICT (order_id) DO UPDATE SET
            status = excluded.status, filled_quantity = excluded.filled_quantity, filled_notional = excluded.filled_notional,
            updated_at = excluded.updated_at, filled_at = excluded.filled_at, replaced_by = excluded.replaced_by, reason = excluded.reason;
        """;

    /// <summary>
    /// The account with its positions and open orders — <paramref name="cached"/> itself when it is still current
    /// (its version is the account row's). A new account with <paramref name="initialCash"/>, matched through
    /// <paramref name="now"/>, is created when there is none.
    /// </summary>
    /// <exception cref="ConfigurationException">The file holds another account.</exception>
    public static async Task<PaperBook> LoadBookAsync(
        SqliteConnection connection, SqliteTransaction transaction, string accountId, decimal initialCash, DateTimeOffset now, PaperBook? cached,
        CancellationToken cancellationToken)
    {
        if (cached is null)
        {
            await ExecuteAsync(connection, transaction, """
                INSERT INTO paper_account (singleton, account_id, cash, next_order_number, matched_through, version)
                VALUES (1, $account_id, $cash, 1, $now, 0)
                ON CONFLICT (singleton) DO NOTHING;
                """, p =>
            {
                p.AddWithValue("$account_id", accountId);
                p.AddWithValue("$cash", DecimalText(initialCash));
                p.AddWithValue("$now", now.UtcTicks);
            }, cancellationToken);
        }

        string storedAccount;
        decimal cash;
        long nextOrderNumber;
        DateTimeOffset matchedThrough;
        long version;
        await using (var command = Command(connection, transaction, "SELECT account_id, cash, next_order_number, matched_through, version FROM paper_account;"))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken))
            {
                throw new InvalidDataException($"the paper-broker database {connection.DataSource} lost its account row");
            }

            (storedAccount, cash, nextOrderNumber, matchedThrough, version) =
                (reader.GetString(0), ReadDecimal(reader.GetString(1)), reader.GetInt64(2), Instant(reader.GetInt64(3)), reader.GetInt64(4));
        }

        if (!string.Equals(storedAccount, accountId, StringComparison.Ordinal))
        {
            throw new ConfigurationException(
                $"the paper-broker database {connection.DataSource} holds account '{storedAccount}', not '{accountId}'",
                "Use the account id the file was created with, or another database file.");
        }

        if (cached is not null && cached.Version == version)
        {
            return cached;
        }

        var positions = new List<PaperPosition>();
        await using (var command = Command(connection, transaction, "SELECT symbol, quantity, cost_basis FROM paper_positions;"))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                positions.Add(new PaperPosition(reader.GetString(0), ReadDecimal(reader.GetString(1)), ReadDecimal(reader.GetString(2))));
            }
        }

        var open = await ReadOrdersAsync(connection, transaction, "status IN ($new, $partially_filled)", p =>
        {
            p.AddWithValue("$new", StatusText(OrderStatus.New));
            p.AddWithValue("$partially_filled", StatusText(OrderStatus.PartiallyFilled));
        }, cancellationToken);
        return new PaperBook(cash, nextOrderNumber, matchedThrough, version, positions, open);
    }

    /// <summary>
    /// Writes whatever changed in <paramref name="book"/> with the account row under the next version, then forgets
    /// the changes; writes nothing when nothing changed.
    /// </summary>
    public static async Task SaveAsync(SqliteConnection connection, SqliteTransaction transaction, PaperBook book, CancellationToken cancellationToken)
    {
        if (!book.HasChanges)
        {
            return;
        }

        await ExecuteAsync(connection, transaction, """
            UPDATE paper_account
            SET cash = $cash, next_order_number = $next_order_number, matched_through = $matched_through, version = $version;
            """, p =>
            {
                p.AddWithValue("$cash", DecimalText(book.Cash));
                p.AddWithValue("$next_order_number", book.NextOrderNumber);
                p.AddWithValue("$matched_through", book.MatchedThrough.UtcTicks);
                p.AddWithValue("$version", book.Version + 1);
            }, cancellationToken);
        book.Version++;

        foreach (var symbol in book.ChangedSymbols)
        {
            if (book.Position(symbol) is { } position)
            {
                await ExecuteAsync(connection, transaction, """
                    INSERT INTO paper_positions (symbol, quantity, cost_basis) VALUES ($symbol, $quantity, $cost_basis)
                    ON CONFLICT (symbol) DO UPDATE SET quantity = excluded.quantity, cost_basis = excluded.cost_basis;
                    """, p =>
                {
                    p.AddWithValue("$symbol", symbol);
                    p.AddWithValue("$quantity", DecimalText(position.Quantity));
                    p.AddWithValue("$cost_basis", DecimalText(position.CostBasis));
                }, cancellationToken);
            }
            else
            {
                await ExecuteAsync(connection, transaction, "DELETE FROM paper_positions WHERE symbol = $symbol;", p => p.AddWithValue("$symbol", symbol), cancellationToken);
            }
        }

        foreach (var order in book.ChangedOrders.OrderBy(o => o.Number))
        {
            await ExecuteAsync(connection, transaction, UpsertOrder, p => BindOrder(p, order), cancellationToken);
        }

        foreach (var execution in book.NewExecutions)
        {
            await ExecuteAsync(connection, transaction, """
                INSERT INTO paper_executions (order_id, symbol, side, quantity, price, executed_at)
                VALUES ($order_id, $symbol, $side, $quantity, $price, $executed_at);
                """, p =>
            {
                p.AddWithValue("$order_id", execution.OrderId);
                p.AddWithValue("$symbol", execution.Symbol);
                p.AddWithValue("$side", execution.Side.ToWire());
                p.AddWithValue("$quantity", DecimalText(execution.Quantity));
                p.AddWithValue("$price", DecimalText(execution.Price));
                p.AddWithValue("$executed_at", execution.ExecutedAt.UtcTicks);
            }, cancellationToken);
        }

        book.MarkSaved();
    }

    public static async Task<PaperOrder?> FindOrderAsync(SqliteConnection connection, SqliteTransaction transaction, string orderId, CancellationToken cancellationToken) =>
        (await ReadOrdersAsync(connection, transaction, "order_id = $order_id", p => p.AddWithValue("$order_id", orderId), cancellationToken)).SingleOrDefault();

    public static async Task<PaperOrder?> FindOrderByClientIdAsync(
        SqliteConnection connection, SqliteTransaction transaction, string clientOrderId, CancellationToken cancellationToken) =>
        (await ReadOrdersAsync(connection, transaction, "client_order_id = $client_order_id", p => p.AddWithValue("$client_order_id", clientOrderId), cancellationToken))
            .SingleOrDefault();

    /// <summary>The fills of <paramref name="orderId"/> in the order they happened.</summary>
    public static async Task<IReadOnlyList<PaperExecution>> ExecutionsAsync(
        SqliteConnection connection, SqliteTransaction transaction, string orderId, CancellationToken cancellationToken)
    {
        var executions = new List<PaperExecution>();
        await using var command = Command(connection, transaction,
            "SELECT order_id, symbol, side, quantity, price, executed_at FROM paper_executions WHERE order_id = $order_id ORDER BY execution_id;");
        command.Parameters.AddWithValue("$order_id", orderId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            executions.Add(new PaperExecution(
                reader.GetString(0), reader.GetString(1), Side(reader.GetString(2)),
                ReadDecimal(reader.GetString(3)), ReadDecimal(reader.GetString(4)), Instant(reader.GetInt64(5))));
        }

        return executions;
    }

    /// <summary>The connection's <c>PRAGMA synchronous</c> level (0 off, 1 normal, 2 full, 3 extra).</summary>
    public static async Task<long> SynchronousAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous;";
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Sets the connection's <c>PRAGMA synchronous</c> level; outside a transaction.</summary>
    public static async Task SetSynchronousAsync(SqliteConnection connection, long level, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = string.Create(CultureInfo.InvariantCulture, $"PRAGMA synchronous = {level};");
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<List<PaperOrder>> ReadOrdersAsync(
        SqliteConnection connection, SqliteTransaction transaction, string condition, Action<SqliteParameterCollection> bind, CancellationToken cancellationToken)
    {
        var orders = new List<PaperOrder>();
        await using var command = Command(connection, transaction, $"SELECT {OrderColumns} FROM paper_orders WHERE {condition} ORDER BY number;");
        bind(command.Parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            orders.Add(new PaperOrder
            {
                Id = reader.GetString(0),
                Number = reader.GetInt64(1),
                ClientOrderId = reader.GetString(2),
                Symbol = reader.GetString(3),
                Side = Side(reader.GetString(4)),
                Type = Type(reader.GetString(5)),
                Quantity = ReadDecimal(reader.GetString(6)),
                LimitPrice = NullableDecimal(reader, 7),
                ReservePrice = NullableDecimal(reader, 8),
                Status = Status(reader.GetString(9)),
                FilledQuantity = ReadDecimal(reader.GetString(10)),
                FilledNotional = ReadDecimal(reader.GetString(11)),
                SubmittedAt = Instant(reader.GetInt64(12)),
                UpdatedAt = Instant(reader.GetInt64(13)),
                FilledAt = reader.IsDBNull(14) ? null : Instant(reader.GetInt64(14)),
                ExpiresAt = Instant(reader.GetInt64(15)),
                ReplacedBy = reader.IsDBNull(16) ? null : reader.GetString(16),
                Reason = reader.IsDBNull(17) ? null : reader.GetString(17),
            });
        }

        return orders;
    }

    private static void BindOrder(SqliteParameterCollection p, PaperOrder order)
    {
        p.AddWithValue("$order_id", order.Id);
        p.AddWithValue("$number", order.Number);
        p.AddWithValue("$client_order_id", order.ClientOrderId);
        p.AddWithValue("$symbol", order.Symbol);
        p.AddWithValue("$side", order.Side.ToWire());
        p.AddWithValue("$type", TypeText(order.Type));
        p.AddWithValue("$quantity", DecimalText(order.Quantity));
        p.AddWithValue("$limit_price", order.LimitPrice is { } limit ? DecimalText(limit) : DBNull.Value);
        p.AddWithValue("$reserve_price", order.ReservePrice is { } reserve ? DecimalText(reserve) : DBNull.Value);
        p.AddWithValue("$status", StatusText(order.Status));
        p.AddWithValue("$filled_quantity", DecimalText(order.FilledQuantity));
        p.AddWithValue("$filled_notional", DecimalText(order.FilledNotional));
        p.AddWithValue("$submitted_at", order.SubmittedAt.UtcTicks);
        p.AddWithValue("$updated_at", order.UpdatedAt.UtcTicks);
        p.AddWithValue("$filled_at", order.FilledAt is { } filledAt ? filledAt.UtcTicks : DBNull.Value);
        p.AddWithValue("$expires_at", order.ExpiresAt.UtcTicks);
        p.AddWithValue("$replaced_by", (object?)order.ReplacedBy ?? DBNull.Value);
        p.AddWithValue("$reason", (object?)order.Reason ?? DBNull.Value);
    }

    private static async Task ExecuteAsync(
        SqliteConnection connection, SqliteTransaction transaction, string sql, Action<SqliteParameterCollection> bind, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, sql);
        bind(command.Parameters);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private static OrderSide Side(string text) =>
        OrderSides.TryFromWire(text, out var side) ? side : throw new InvalidDataException($"unknown order side '{text}' in the paper-broker database");

    private static string TypeText(OrderType type) => type switch
    {
        OrderType.Market => "market",
        OrderType.Limit => "limit",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unknown order type"),
    };

    private static OrderType Type(string text) => text switch
    {
        "market" => OrderType.Market,
        "limit" => OrderType.Limit,
        _ => throw new InvalidDataException($"unknown order type '{text}' in the paper-broker database"),
    };

    private static string StatusText(OrderStatus status) => status switch
    {
        OrderStatus.New => "new",
        OrderStatus.PartiallyFilled => "partially_filled",
        OrderStatus.Filled => "filled",
        OrderStatus.Canceled => "canceled",
        OrderStatus.Replaced => "replaced",
        OrderStatus.Rejected => "rejected",
        OrderStatus.Expired => "expired",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "unknown order status"),
    };

    private static OrderStatus Status(string text) => text switch
    {
        "new" => OrderStatus.New,
        "partially_filled" => OrderStatus.PartiallyFilled,
        "filled" => OrderStatus.Filled,
        "canceled" => OrderStatus.Canceled,
        "replaced" => OrderStatus.Replaced,
        "rejected" => OrderStatus.Rejected,
        "expired" => OrderStatus.Expired,
        _ => throw new InvalidDataException($"unknown order status '{text}' in the paper-broker database"),
    };

    private static string DecimalText(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static decimal ReadDecimal(string text) =>
        decimal.Parse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);

    private static decimal? NullableDecimal(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : ReadDecimal(reader.GetString(ordinal));

    private static DateTimeOffset Instant(long utcTicks) => new(utcTicks, TimeSpan.Zero);
}
