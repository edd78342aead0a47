using Alchemiser.Core.Brokerage;
using Alchemiser.Core.MarketData;
using Alchemiser.Core.Time;
using Alchemiser.Local.Storage;
using Microsoft.Data.Sqlite;

namespace Alchemiser.Local.Brokerage;

/// <summary>
/// The paper-broker simulator: a cash account trading day orders against an <see cref="IMarketModel"/>, its state
/// (cash, positions, orders, fills) in a SQLite file, so it survives the process. Time comes from the injected clock
/// only. Matching is lazy and deterministic: every call first brings the account up to the clock's now (see
/// <see cref="OrderMatcher"/> — limit orders fill at the quote's price, never worse than the limit, up to its
/// displayed size per tick; market orders fill whole at the opposite side; day orders expire at the close), then
/// answers, all in one SQLite write transaction; calls are serialized, so several tasks may share a broker and
/// several brokers (or processes) a file. Refused orders throw <see cref="OrderRejectedException"/> and leave no trace;
/// order ids count up from <c>paper-000001</c>, so a rerun from the same state reproduces them.
/// </summary>
/// <remarks>
/// Buying power is cash less what open buys reserve (limit × unfilled shares; for a market buy, the ask when it was
/// placed × unfilled shares). Equity is cash plus each position at its last trade (its average entry price when the
/// market has no trade). Cash and prices are kept exact, never rounded. A market buy fills at the ask of its fill
/// tick, which may be above the ask it was valued at, so cash can go slightly below zero as in a real account.
/// The clock is expected to move forward; when it is set back, matching waits until it passes the last matched instant.
/// </remarks>
public sealed class PaperBroker : IBroker
{
    private const long SynchronousNormal = 1;

    private readonly SqliteFile _file;
    private readonly IMarketModel _market;
    private readonly IClock _clock;
    private readonly PaperBrokerOptions _options;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private PaperBook? _book;

    /// <summary>A broker on the SQLite file at <paramref name="databasePath"/> (created with its folder on first use), trading <paramref name="market"/>.</summary>
    public PaperBroker(string databasePath, IMarketModel market, IClock clock, PaperBrokerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(market);
        ArgumentNullException.ThrowIfNull(clock);
        _options = options ?? new PaperBrokerOptions();
        _options.Validate();
        _file = new SqliteFile(databasePath, PaperBrokerSchema.Tables);
        _market = market;
        _clock = clock;
    }

    /// <summary>The full path of the database file.</summary>
    public string DatabasePath => _file.DatabasePath;

    /// <inheritdoc />
    public Task<BrokerAccount> GetAccountAsync(CancellationToken cancellationToken = default) =>
        RunAsync(call =>
        {
            var book = call.Book;
            var equity = book.Cash + book.Positions.Sum(p => p.Quantity * CurrentPrice(p, call.Now));
            return Task.FromResult(new BrokerAccount(_options.AccountId, equity, book.Cash, book.BuyingPower()));
        }, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<BrokerPosition>> GetPositionsAsync(CancellationToken cancellationToken = default) =>
        RunAsync(call =>
        {
            IReadOnlyList<BrokerPosition> positions = call.Book.Positions
                .Select(p =>
                {
                    var price = CurrentPrice(p, call.Now);
                    return new BrokerPosition(p.Symbol, p.Quantity, p.AverageEntryPrice, price, p.Quantity * price);
                })
                .ToArray();
            return Task.FromResult(positions);
        }, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, Quote>> GetLatestQuotesAsync(IReadOnlyCollection<string> symbols, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        return RunAsync(call =>
        {
            var quotes = new Dictionary<string, Quote>(StringComparer.Ordinal);
            foreach (var symbol in symbols)
            {
                if (!quotes.ContainsKey(symbol) && _market.QuoteAt(symbol, call.Now) is { } quote)
                {
                    quotes[symbol] = quote;
                }
            }

            return Task.FromResult<IReadOnlyDictionary<string, Quote>>(quotes);
        }, cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>The latest trades of the market model at the clock's now.</remarks>
    public Task<IReadOnlyDictionary<string, LatestPrice>> GetLatestPricesAsync(IReadOnlyCollection<string> symbols, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        return RunAsync(call =>
        {
            var prices = new Dictionary<string, LatestPrice>(StringComparer.Ordinal);
            foreach (var symbol in symbols)
            {
                if (!prices.ContainsKey(symbol) && _market.LastTradeAt(symbol, call.Now) is { } price)
                {
                    prices[symbol] = price;
                }
            }

            return Task.FromResult<IReadOnlyDictionary<string, LatestPrice>>(prices);
        }, cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>The market model's view, narrowed by <see cref="PaperBrokerOptions.NotTradable"/> and <see cref="PaperBrokerOptions.NonFractionable"/>.</remarks>
    public Task<AssetInfo?> GetAssetAsync(string symbol, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        return RunAsync(_ => Task.FromResult(AssetOf(symbol)), cancellationToken);
    }

    /// <inheritdoc />
    public Task<BrokerOrder> SubmitOrderAsync(OrderRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return RunAsync(async call =>
        {
            OrderAdmission.CheckShape(request);
            var used = await PaperBrokerRows.FindOrderByClientIdAsync(call.Connection, call.Transaction, request.ClientOrderId, cancellationToken) is not null;
            var (reservePrice, expiresAt) = OrderAdmission.Admit(request, used, AssetOf(request.Symbol), _market, call.Book, replacing: null, call.Now);
            return call.Book.Place(request, reservePrice, call.Now, expiresAt).ToBrokerOrder();
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<BrokerOrder> GetOrderAsync(string orderId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(orderId);
        return RunAsync(async call => (await StoredOrderAsync(call, orderId, cancellationToken)).ToBrokerOrder(), cancellationToken);
    }

    /// <inheritdoc />
    public Task<BrokerOrder?> GetOrderByClientIdAsync(string clientOrderId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(clientOrderId);
        return RunAsync(async call =>
            (await PaperBrokerRows.FindOrderByClientIdAsync(call.Connection, call.Transaction, clientOrderId, cancellationToken))?.ToBrokerOrder(), cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>
    /// The new order is a limit order for the same symbol and side, placed now under the usual checks with the old
    /// order's reservation released; when a check fails the old order stays open and unchanged.
    /// </remarks>
    public Task<BrokerOrder> ReplaceOrderAsync(string orderId, OrderReplacement replacement, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(orderId);
        ArgumentNullException.ThrowIfNull(replacement);
        return RunAsync(async call =>
        {
            var old = call.Book.OpenOrder(orderId);
            if (old is null)
            {
                var stored = await StoredOrderAsync(call, orderId, cancellationToken);
                throw new OrderRejectedException(
                    RejectionReason.Invalid,
                    $"order {orderId} is {stored.Status.ToString().ToLowerInvariant()} and can no longer be replaced",
                    "Read the order: it filled or ended; place a new order for what is still wanted.");
            }

            var request = OrderRequest.Limit(replacement.ClientOrderId, old.Symbol, old.Side, replacement.Quantity, replacement.LimitPrice);
            OrderAdmission.CheckShape(request);
            var used = await PaperBrokerRows.FindOrderByClientIdAsync(call.Connection, call.Transaction, request.ClientOrderId, cancellationToken) is not null;
            var (reservePrice, expiresAt) = OrderAdmission.Admit(request, used, AssetOf(old.Symbol), _market, call.Book, replacing: old, call.Now);
            var created = call.Book.Place(request, reservePrice, call.Now, expiresAt);
            call.Book.Finish(old, OrderStatus.Replaced, call.Now, replacedBy: created.Id);
            return created.ToBrokerOrder();
        }, cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>An open order is cancelled at once (what it filled stays); a terminal one is left as it is.</remarks>
    public Task CancelOrderAsync(string orderId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(orderId);
        return RunAsync(async call =>
        {
            if (call.Book.OpenOrder(orderId) is { } open)
            {
                call.Book.Finish(open, OrderStatus.Canceled, call.Now);
            }
            else
            {
                await StoredOrderAsync(call, orderId, cancellationToken);
            }

            return true;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<MarketClock> GetClockAsync(CancellationToken cancellationToken = default) =>
        RunAsync(call => Task.FromResult(NyseSessions.ClockAt(call.Now)), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<MarketSession>> GetCalendarAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken = default) =>
        RunAsync(_ => Task.FromResult(NyseSessions.Between(from, to)), cancellationToken);

    /// <summary>The fills of an order, in the order they happened. Throws <see cref="OrderNotFoundException"/> for an unknown id.</summary>
    public Task<IReadOnlyList<PaperExecution>> GetExecutionsAsync(string orderId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(orderId);
        return RunAsync(async call =>
        {
            await StoredOrderAsync(call, orderId, cancellationToken);
            return await PaperBrokerRows.ExecutionsAsync(call.Connection, call.Transaction, orderId, cancellationToken);
        }, cancellationToken);
    }

    /// <summary>
    /// Runs one call: waits its turn, opens a write transaction, catches the book up to now and saves it, runs
    /// <paramref name="operation"/> and saves what it changed. When the operation refuses (a rejection or an unknown
    /// order) the catch-up is still committed and nothing of the operation is. The connection commits with
    /// <c>synchronous = NORMAL</c> (safe in write-ahead-log mode: a power cut may lose the last calls, never corrupts
    /// the file), as a simulated day makes hundreds of small commits; the pooled connection gets its level back after.
    /// </summary>
    private async Task<T> RunAsync<T>(Func<PaperBrokerCall, Task<T>> operation, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await _file.OpenAsync(cancellationToken);
            var synchronous = await PaperBrokerRows.SynchronousAsync(connection, cancellationToken);
            await PaperBrokerRows.SetSynchronousAsync(connection, SynchronousNormal, cancellationToken);
            try
            {
                return await InTransactionAsync(connection, operation, cancellationToken);
            }
            finally
            {
                await PaperBrokerRows.SetSynchronousAsync(connection, synchronous, CancellationToken.None);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// One call's transaction. The book is kept between calls and reused while the account row's version says no
    /// one else (another broker or process on the file) has written since; after a failure it is read afresh.
    /// </summary>
    private async Task<T> InTransactionAsync<T>(SqliteConnection connection, Func<PaperBrokerCall, Task<T>> operation, CancellationToken cancellationToken)
    {
        var now = _clock.UtcNow;
        var cached = _book;
        _book = null;
        using var transaction = connection.BeginTransaction(deferred: false);
        var book = await PaperBrokerRows.LoadBookAsync(connection, transaction, _options.AccountId, _options.InitialCash, now, cached, cancellationToken);
        OrderMatcher.CatchUp(book, _market, _options.OrderLatency, _options.TickInterval, now);
        await PaperBrokerRows.SaveAsync(connection, transaction, book, cancellationToken);

        T result;
        try
        {
            result = await operation(new PaperBrokerCall(connection, transaction, book, now));
        }
        catch (Exception e) when (e is OrderRejectedException or OrderNotFoundException)
        {
            transaction.Commit();
            _book = book;
            throw;
        }

        await PaperBrokerRows.SaveAsync(connection, transaction, book, cancellationToken);
        transaction.Commit();
        _book = book;
        return result;
    }

    private static async Task<PaperOrder> StoredOrderAsync(PaperBrokerCall call, string orderId, CancellationToken cancellationToken) =>
        await PaperBrokerRows.FindOrderAsync(call.Connection, call.Transaction, orderId, cancellationToken) ?? throw new OrderNotFoundException(orderId);

    private AssetInfo? AssetOf(string symbol) =>
        _market.Asset(symbol) is { } asset
            ? asset with
            {
                Tradable = asset.Tradable && !_options.NotTradable.Contains(symbol),
                Fractionable = asset.Fractionable && !_options.NonFractionable.Contains(symbol),
            }
            : null;

    private decimal CurrentPrice(PaperPosition position, DateTimeOffset now) =>
        _market.LastTradeAt(position.Symbol, now)?.Price ?? position.AverageEntryPrice;
}
