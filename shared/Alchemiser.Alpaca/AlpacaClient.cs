using System.Globalization;
using Alchemiser.Alpaca.Http;
using Alchemiser.Alpaca.MarketData;
using Alchemiser.Alpaca.Orders;
using Alchemiser.Alpaca.Wire;
using Alchemiser.Core.Brokerage;
using Alchemiser.Core.Errors;
using Alchemiser.Core.Logging;
using Alchemiser.Core.MarketData;
using Alchemiser.Core.Time;

namespace Alchemiser.Alpaca;

/// <summary>
/// Alpaca as the broker, quote, calendar and bar-source ports: the Trading API v2 (account, positions, orders, clock,
/// calendar, assets) and the Market Data API v2 (daily bars, latest quotes and trades), as described by
/// <c>shared/contracts/alpaca/*.json</c>. Money and quantities are decimal, sent and read as Alpaca's decimal strings.
/// </summary>
/// <remarks>
/// <para>
/// Reads are retried on 429, 5xx, timeouts and network errors (see <see cref="AlpacaOptions.MaxReadRetries"/>); every
/// attempt takes a turn of <see cref="Budget"/>. An order submission or replace is never retried blindly: when its
/// answer is lost (a timeout, a network error, a 5xx) the client looks the order up by its client order id and adopts
/// it when Alpaca has it, sends it again only when Alpaca confirms it has no such order (at most
/// <see cref="MaxOrderSubmissions"/> sends in all), and throws an <see cref="AlpacaApiException"/> with
/// <see cref="AlpacaApiException.IsOutcomeUnknown"/> when the lookup fails too. A 429 is the one answer that says the
/// order was not taken; it is sent again after the wait.
/// </para>
/// <para>
/// Refusals throw <see cref="OrderRejectedException"/> (Alpaca's code and message kept); an unknown order id throws
/// <see cref="OrderNotFoundException"/>; every other failure an <see cref="AlpacaApiException"/>. The credentials are
/// resolved on the first request and kept, so a constructor does no I/O; they never appear in a message or a log line.
/// </para>
/// </remarks>
public sealed class AlpacaClient : IBroker, IDailyBarSource, IDisposable
{
    /// <summary>Sends of one order write at most: the first, and one more after Alpaca confirms the first did not land.</summary>
    public const int MaxOrderSubmissions = 2;

    /// <summary>Symbols per market-data request (bars, latest quotes, latest trades).</summary>
    public const int SymbolsPerRequest = 100;

    /// <summary>Bars asked for per page (Alpaca's maximum).</summary>
    public const int BarsPerPage = 10000;

    /// <summary>Orders asked for by <see cref="ListOrdersAsync"/> (Alpaca's maximum).</summary>
    public const int OrdersPerList = 500;

    private const string DayOrder = "day";

    private readonly AlpacaTransport _transport;
    private readonly AlpacaOptions _options;

    /// <summary>A client for <paramref name="options"/>; no request is made until the first call.</summary>
    /// <param name="credentials">Resolves the keys (e.g. from Secrets Manager); called on the first request only, and again after a failure.</param>
    /// <param name="handler">The HTTP handler (tests pass a scripted one); a new <see cref="HttpClientHandler"/> when null. Not disposed by the client.</param>
    /// <param name="clock">Now, for the request budget and retry waits; the system clock when null.</param>
    /// <param name="delay">How to wait between retries and for the budget; the system timer when null.</param>
    /// <param name="log">Where retries, reconciliations and adoptions are logged; nothing is logged when null.</param>
    /// <param name="budget">A request budget shared with other clients of the account; a budget of its own (<see cref="AlpacaOptions.RequestsPerMinute"/>) when null.</param>
    /// <exception cref="ConfigurationException">The options are not valid (see <see cref="AlpacaOptions.Validate"/>).</exception>
    public AlpacaClient(
        AlpacaOptions options,
        Func<CancellationToken, Task<AlpacaCredentials>> credentials,
        HttpMessageHandler? handler = null,
        IClock? clock = null,
        IDelay? delay = null,
        IAlchemiserLog? log = null,
        AlpacaRequestBudget? budget = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(credentials);
        options.Validate();
        _options = options;
        var now = clock ?? SystemClock.Instance;
        var wait = delay ?? SystemDelay.Instance;
        _transport = new AlpacaTransport(
            options, credentials, handler, now, wait, log, budget ?? new AlpacaRequestBudget(options.RequestsPerMinute, now, wait));
    }

    /// <summary>A client with fixed <paramref name="credentials"/>.</summary>
    public AlpacaClient(
        AlpacaOptions options,
        AlpacaCredentials credentials,
        HttpMessageHandler? handler = null,
        IClock? clock = null,
        IDelay? delay = null,
        IAlchemiserLog? log = null,
        AlpacaRequestBudget? budget = null)
        : this(options, Fixed(credentials), handler, clock, delay, log, budget)
    {
    }

    /// <summary>The options the client was made with.</summary>
    public AlpacaOptions Options => _options;

    /// <summary>The request budget every attempt takes a turn of (its <see cref="AlpacaRequestBudget.RequestsSent"/> counts them).</summary>
    public AlpacaRequestBudget Budget => _transport.Budget;

    /// <inheritdoc />
    public async Task<BrokerAccount> GetAccountAsync(CancellationToken cancellationToken = default)
    {
        var request = AlpacaRequest.Get(AlpacaHost.Trading, "/v2/account");
        var reply = await ReadAsync(request, cancellationToken).ConfigureAwait(false);
        return _transport.Read(request, reply, AlpacaJsonContext.Default.AccountJson, account => new BrokerAccount(
            string.IsNullOrEmpty(account.Id) ? throw new FormatException("id is missing") : account.Id,
            AlpacaWireFormat.Decimal(account.Equity, "equity"),
            AlpacaWireFormat.Decimal(account.Cash, "cash"),
            AlpacaWireFormat.Decimal(account.BuyingPower, "buying_power")));
    }

    /// <inheritdoc />
    /// <remarks>Alpaca's positions as they are (a cash account holds long positions only), ordinal by symbol.</remarks>
    public async Task<IReadOnlyList<BrokerPosition>> GetPositionsAsync(CancellationToken cancellationToken = default)
    {
        var request = AlpacaRequest.Get(AlpacaHost.Trading, "/v2/positions");
        var reply = await ReadAsync(request, cancellationToken).ConfigureAwait(false);
        return _transport.Read(request, reply, AlpacaJsonContext.Default.ListPositionJson, positions => (IReadOnlyList<BrokerPosition>)positions
            .Select(p =>
            {
                var symbol = string.IsNullOrEmpty(p.Symbol) ? throw new FormatException("a position has no symbol") : p.Symbol;
                return new BrokerPosition(
                    symbol,
                    AlpacaWireFormat.Decimal(p.Qty, $"qty of {symbol}"),
                    AlpacaWireFormat.Decimal(p.AvgEntryPrice, $"avg_entry_price of {symbol}"),
                    AlpacaWireFormat.Decimal(p.CurrentPrice, $"current_price of {symbol}"),
                    AlpacaWireFormat.Decimal(p.MarketValue, $"market_value of {symbol}"));
            })
            .OrderBy(p => p.Symbol, StringComparer.Ordinal)
            .ToArray());
    }

    /// <inheritdoc />
    /// <remarks><c>GET /v2/stocks/quotes/latest</c> on <see cref="AlpacaOptions.DataFeed"/>, <see cref="SymbolsPerRequest"/> symbols per request.</remarks>
    public async Task<IReadOnlyDictionary<string, Quote>> GetLatestQuotesAsync(IReadOnlyCollection<string> symbols, CancellationToken cancellationToken = default)
    {
        var quotes = new Dictionary<string, Quote>(StringComparer.Ordinal);
        foreach (var chunk in Chunks(symbols))
        {
            var request = AlpacaRequest.Get(AlpacaHost.MarketData, "/v2/stocks/quotes/latest", ("symbols", string.Join(',', chunk)), ("feed", _options.DataFeed));
            var reply = await ReadAsync(request, cancellationToken).ConfigureAwait(false);
            _transport.Read(request, reply, AlpacaJsonContext.Default.LatestQuotesJson, page =>
            {
                foreach (var (symbol, quote) in page.Quotes ?? [])
                {
                    if (quote is not null)
                    {
                        quotes[symbol] = new Quote(
                            symbol, quote.BidPrice, quote.AskPrice, quote.BidSize, quote.AskSize, AlpacaWireFormat.Instant(quote.Timestamp, $"quote time of {symbol}"));
                    }
                }

                return quotes.Count;
            });
        }

        return quotes;
    }

    /// <inheritdoc />
    /// <remarks>The latest trades: <c>GET /v2/stocks/trades/latest</c> on <see cref="AlpacaOptions.DataFeed"/>, <see cref="SymbolsPerRequest"/> symbols per request.</remarks>
    public async Task<IReadOnlyDictionary<string, LatestPrice>> GetLatestPricesAsync(IReadOnlyCollection<string> symbols, CancellationToken cancellationToken = default)
    {
        var prices = new Dictionary<string, LatestPrice>(StringComparer.Ordinal);
        foreach (var chunk in Chunks(symbols))
        {
            var request = AlpacaRequest.Get(AlpacaHost.MarketData, "/v2/stocks/trades/latest", ("symbols", string.Join(',', chunk)), ("feed", _options.DataFeed));
            var reply = await ReadAsync(request, cancellationToken).ConfigureAwait(false);
            _transport.Read(request, reply, AlpacaJsonContext.Default.LatestTradesJson, page =>
            {
                foreach (var (symbol, trade) in page.Trades ?? [])
                {
                    if (trade is not null)
                    {
                        prices[symbol] = new LatestPrice(symbol, trade.Price, AlpacaWireFormat.Instant(trade.Timestamp, $"trade time of {symbol}"));
                    }
                }

                return prices.Count;
            });
        }

        return prices;
    }

    /// <inheritdoc />
    /// <remarks>
    /// <c>GET /v2/stocks/bars</c> with <c>timeframe=1Day</c>, <c>adjustment=all</c> (splits, dividends, spin-offs),
    /// <see cref="SymbolsPerRequest"/> symbols and up to <see cref="BarsPerPage"/> bars per request, following
    /// <c>next_page_token</c> until Alpaca returns none. The range is sent as the New York day boundaries in UTC, so both
    /// dates are included whatever Alpaca's time of day for a daily bar.
    /// </remarks>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<DailyBar>>> GetDailyBarsAsync(
        IReadOnlyCollection<string> symbols, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        if (to < from)
        {
            throw new ArgumentException($"the range ends ({AlpacaWireFormat.Format(to)}) before it starts ({AlpacaWireFormat.Format(from)})", nameof(to));
        }

        var start = NewYorkMidnight(from);
        var end = NewYorkMidnight(to.AddDays(1)).AddSeconds(-1);
        var merge = new DailyBarMerge(from, to);
        foreach (var chunk in Chunks(symbols))
        {
            string? pageToken = null;
            var seenTokens = new HashSet<string>(StringComparer.Ordinal);
            do
            {
                var query = new List<(string, string)>
                {
                    ("symbols", string.Join(',', chunk)),
                    ("timeframe", "1Day"),
                    ("start", AlpacaWireFormat.Format(start)),
                    ("end", AlpacaWireFormat.Format(end)),
                    ("limit", BarsPerPage.ToString(CultureInfo.InvariantCulture)),
                    ("adjustment", "all"),
                    ("feed", _options.DataFeed),
                    ("sort", "asc"),
                };
                if (pageToken is not null)
                {
                    query.Add(("page_token", pageToken));
                }

                var request = AlpacaRequest.Get(AlpacaHost.MarketData, "/v2/stocks/bars", [.. query]);
                var reply = await ReadAsync(request, cancellationToken).ConfigureAwait(false);
                pageToken = _transport.Read(request, reply, AlpacaJsonContext.Default.BarsPageJson, page =>
                {
                    merge.Add(page);
                    return string.IsNullOrEmpty(page.NextPageToken) ? null : page.NextPageToken;
                });
                if (pageToken is not null && !seenTokens.Add(pageToken))
                {
                    throw new AlpacaApiException(
                        "GET", request.Path, reply.StatusCode, null, "Alpaca sent the same next_page_token twice; paging would never end", ErrorCategory.Data);
                }
            }
            while (pageToken is not null);
        }

        return merge.Result();
    }

    /// <inheritdoc />
    /// <remarks><c>GET /v2/assets/{symbol_or_asset_id}</c>; 404 is null.</remarks>
    public async Task<AssetInfo?> GetAssetAsync(string symbol, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        var request = AlpacaRequest.Get(AlpacaHost.Trading, "/v2/assets/" + Uri.EscapeDataString(symbol));
        var reply = await _transport.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (reply.StatusCode == 404)
        {
            return null;
        }

        EnsureSuccess(request, reply);
        return _transport.Read(request, reply, AlpacaJsonContext.Default.AssetJson, asset =>
            new AssetInfo(string.IsNullOrEmpty(asset.Symbol) ? symbol : asset.Symbol, asset.Tradable, asset.Fractionable));
    }

    /// <inheritdoc />
    /// <remarks>
    /// <c>POST /v2/orders</c>: a <c>day</c> order, <c>qty</c> (fractional for a fractional market order) and
    /// <c>limit_price</c> as decimal strings, the request's <c>client_order_id</c> (required). See the class remarks for
    /// what happens when the answer is lost.
    /// </remarks>
    public Task<BrokerOrder> SubmitOrderAsync(OrderRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        CheckClientOrderId(request.ClientOrderId);
        CheckSymbol(request.Symbol);
        if (request.Quantity <= 0m)
        {
            throw Invalid(string.Create(CultureInfo.InvariantCulture, $"qty must be > 0, got {request.Quantity} for {request.Symbol}"));
        }

        var limit = (request.Type, request.LimitPrice) switch
        {
            (OrderType.Limit, { } price) when price > 0m => AlpacaWireFormat.Format(price),
            (OrderType.Limit, _) => throw Invalid($"a limit order needs a positive limit price ({request.Symbol})"),
            (OrderType.Market, null) => null,
            (OrderType.Market, _) => throw Invalid($"a market order takes no limit price ({request.Symbol})"),
            _ => throw Invalid($"unknown order type {request.Type}"),
        };
        var body = new NewOrderJson
        {
            Symbol = request.Symbol,
            Qty = AlpacaWireFormat.Format(request.Quantity),
            Side = request.Side.ToWire(),
            Type = AlpacaOrderMapping.ToWire(request.Type),
            TimeInForce = DayOrder,
            LimitPrice = limit,
            ClientOrderId = request.ClientOrderId,
        };
        var what = string.Create(
            CultureInfo.InvariantCulture,
            $"order {request.ClientOrderId} ({request.Side.ToWire()} {request.Quantity} {request.Symbol} {AlpacaOrderMapping.ToWire(request.Type)}{(limit is null ? "" : " @ " + limit)})");
        return WriteOrderAsync(NewOrder(body), request.ClientOrderId, orderId: null, what, cancellationToken);
    }

    /// <summary>
    /// Places a fractional market day order for <paramref name="notional"/> dollars of <paramref name="symbol"/>
    /// (<c>notional</c> instead of <c>qty</c>). Until it fills, the returned order's quantity is what filled so far.
    /// Rejections and lost answers are handled as for <see cref="SubmitOrderAsync"/>.
    /// </summary>
    public Task<BrokerOrder> SubmitNotionalOrderAsync(
        string clientOrderId, string symbol, OrderSide side, decimal notional, CancellationToken cancellationToken = default)
    {
        CheckClientOrderId(clientOrderId);
        CheckSymbol(symbol);
        if (notional <= 0m)
        {
            throw Invalid(string.Create(CultureInfo.InvariantCulture, $"notional must be > 0, got {notional} for {symbol}"));
        }

        var body = new NewOrderJson
        {
            Symbol = symbol,
            Notional = AlpacaWireFormat.Format(notional),
            Side = side.ToWire(),
            Type = AlpacaOrderMapping.ToWire(OrderType.Market),
            TimeInForce = DayOrder,
            ClientOrderId = clientOrderId,
        };
        var what = string.Create(CultureInfo.InvariantCulture, $"order {clientOrderId} ({side.ToWire()} ${AlpacaWireFormat.Format(notional)} of {symbol} market)");
        return WriteOrderAsync(NewOrder(body), clientOrderId, orderId: null, what, cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>
    /// <c>GET /v2/orders/{order_id}</c>; 404, and Alpaca's 422 for an id that is not an order id, throw
    /// <see cref="OrderNotFoundException"/>.
    /// </remarks>
    public async Task<BrokerOrder> GetOrderAsync(string orderId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orderId);
        var request = AlpacaRequest.Get(AlpacaHost.Trading, OrderPath(orderId));
        var reply = await _transport.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (reply.StatusCode is 404 or 422)
        {
            var failure = _transport.Failure(request, reply);
            if (failure.StatusCode == 404 || IsNotAnOrderId(failure))
            {
                throw new OrderNotFoundException(orderId, failure);
            }

            throw failure;
        }

        EnsureSuccess(request, reply);
        return _transport.Read(request, reply, AlpacaJsonContext.Default.OrderJson, AlpacaOrderMapping.ToBrokerOrder);
    }

    /// <inheritdoc />
    /// <remarks><c>GET /v2/orders:by_client_order_id</c>; 404 is null.</remarks>
    public async Task<BrokerOrder?> GetOrderByClientIdAsync(string clientOrderId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(clientOrderId);
        var request = AlpacaRequest.Get(AlpacaHost.Trading, "/v2/orders:by_client_order_id", ("client_order_id", clientOrderId));
        var reply = await _transport.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (reply.StatusCode == 404)
        {
            return null;
        }

        EnsureSuccess(request, reply);
        return _transport.Read(request, reply, AlpacaJsonContext.Default.OrderJson, AlpacaOrderMapping.ToBrokerOrder);
    }

    /// <inheritdoc />
    /// <remarks>
    /// <c>PATCH /v2/orders/{order_id}</c> with <c>qty</c>, <c>limit_price</c>, <c>time_in_force=day</c> and the
    /// replacement's <c>client_order_id</c>. Never retried blindly: a lost answer is reconciled by the replacement's client
    /// order id as for <see cref="SubmitOrderAsync"/>. 404 throws <see cref="OrderNotFoundException"/>; an order that
    /// can no longer be replaced is a <see cref="RejectionReason.Invalid"/> rejection.
    /// </remarks>
    public Task<BrokerOrder> ReplaceOrderAsync(string orderId, OrderReplacement replacement, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orderId);
        ArgumentNullException.ThrowIfNull(replacement);
        CheckClientOrderId(replacement.ClientOrderId);
        if (replacement.Quantity <= 0m || replacement.LimitPrice <= 0m)
        {
            throw Invalid(string.Create(
                CultureInfo.InvariantCulture, $"a replacement needs qty > 0 and limit price > 0, got {replacement.Quantity} @ {replacement.LimitPrice}"));
        }

        var body = new ReplaceOrderJson
        {
            Qty = AlpacaWireFormat.Format(replacement.Quantity),
            TimeInForce = DayOrder,
            LimitPrice = AlpacaWireFormat.Format(replacement.LimitPrice),
            ClientOrderId = replacement.ClientOrderId,
        };
        var request = new AlpacaRequest(
            HttpMethod.Patch, AlpacaHost.Trading, OrderPath(orderId), null, Serialize(body, AlpacaJsonContext.Default.ReplaceOrderJson));
        var what = string.Create(
            CultureInfo.InvariantCulture,
            $"replacement {replacement.ClientOrderId} of order {orderId} ({body.Qty} @ {body.LimitPrice})");
        return WriteOrderAsync(request, replacement.ClientOrderId, orderId, what, cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>
    /// <c>DELETE /v2/orders/{order_id}</c>, retried like a read (cancelling twice is harmless). Alpaca's 422 (the order is
    /// no longer cancelable: filled, cancelled, expired) leaves it as it is; 404 throws <see cref="OrderNotFoundException"/>.
    /// </remarks>
    public async Task CancelOrderAsync(string orderId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orderId);
        var request = new AlpacaRequest(HttpMethod.Delete, AlpacaHost.Trading, OrderPath(orderId));
        var reply = await _transport.SendAsync(request, cancellationToken).ConfigureAwait(false);
        switch (reply.StatusCode)
        {
            case 404:
            case 422 when IsNotAnOrderId(_transport.Failure(request, reply)):
                throw new OrderNotFoundException(orderId, _transport.Failure(request, reply));
            case 422:
                _transport.Info("Alpaca order not cancelable; left as it is", ("order_id", orderId), ("alpaca_message", _transport.Failure(request, reply).AlpacaMessage));
                return;
            default:
                EnsureSuccess(request, reply);
                return;
        }
    }

    /// <summary>
    /// Asks Alpaca to cancel every open order (<c>DELETE /v2/orders</c>, retried like a read) and returns its answer per
    /// order. Poll the orders for the outcome.
    /// </summary>
    public async Task<IReadOnlyList<AlpacaCancellation>> CancelAllOrdersAsync(CancellationToken cancellationToken = default)
    {
        var request = new AlpacaRequest(HttpMethod.Delete, AlpacaHost.Trading, "/v2/orders");
        var reply = await ReadAsync(request, cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(reply.Body))
        {
            return [];
        }

        return _transport.Read(request, reply, AlpacaJsonContext.Default.ListCanceledOrderJson, items => (IReadOnlyList<AlpacaCancellation>)items
            .Select(i => new AlpacaCancellation(string.IsNullOrEmpty(i.Id) ? throw new FormatException("a cancellation has no order id") : i.Id, i.Status))
            .ToArray());
    }

    /// <summary>
    /// The account's orders with <paramref name="status"/> <c>open</c>, <c>closed</c> or <c>all</c>
    /// (<c>GET /v2/orders</c>): the newest <see cref="OrdersPerList"/>, newest first, as Alpaca lists them.
    /// </summary>
    public async Task<IReadOnlyList<BrokerOrder>> ListOrdersAsync(string status = "open", CancellationToken cancellationToken = default)
    {
        if (status is not ("open" or "closed" or "all"))
        {
            throw new ArgumentException($"status must be open, closed or all, got '{status}'", nameof(status));
        }

        var request = AlpacaRequest.Get(
            AlpacaHost.Trading, "/v2/orders", ("status", status), ("limit", OrdersPerList.ToString(CultureInfo.InvariantCulture)));
        var reply = await ReadAsync(request, cancellationToken).ConfigureAwait(false);
        return _transport.Read(request, reply, AlpacaJsonContext.Default.ListOrderJson, orders => (IReadOnlyList<BrokerOrder>)orders
            .Select(AlpacaOrderMapping.ToBrokerOrder)
            .ToArray());
    }

    /// <inheritdoc />
    /// <remarks><c>GET /v2/clock</c>.</remarks>
    public async Task<MarketClock> GetClockAsync(CancellationToken cancellationToken = default)
    {
        var request = AlpacaRequest.Get(AlpacaHost.Trading, "/v2/clock");
        var reply = await ReadAsync(request, cancellationToken).ConfigureAwait(false);
        return _transport.Read(request, reply, AlpacaJsonContext.Default.ClockJson, clock => new MarketClock(
            AlpacaWireFormat.Instant(clock.Timestamp, "timestamp"),
            clock.IsOpen,
            AlpacaWireFormat.Instant(clock.NextOpen, "next_open"),
            AlpacaWireFormat.Instant(clock.NextClose, "next_close")));
    }

    /// <inheritdoc />
    /// <remarks><c>GET /v2/calendar?start=&amp;end=</c> (dates); each day's <c>open</c> and <c>close</c> are New York times.</remarks>
    public async Task<IReadOnlyList<MarketSession>> GetCalendarAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        if (to < from)
        {
            return [];
        }

        var request = AlpacaRequest.Get(AlpacaHost.Trading, "/v2/calendar", ("start", AlpacaWireFormat.Format(from)), ("end", AlpacaWireFormat.Format(to)));
        var reply = await ReadAsync(request, cancellationToken).ConfigureAwait(false);
        return _transport.Read(request, reply, AlpacaJsonContext.Default.ListCalendarDayJson, days => (IReadOnlyList<MarketSession>)days
            .Select(day =>
            {
                var date = AlpacaWireFormat.Date(day.Date, "date");
                return new MarketSession(
                    date,
                    AlpacaWireFormat.NewYorkTime(date, day.Open, $"open of {day.Date}"),
                    AlpacaWireFormat.NewYorkTime(date, day.Close, $"close of {day.Date}"));
            })
            .Where(s => s.Date >= from && s.Date <= to)
            .DistinctBy(s => s.Date)
            .OrderBy(s => s.Date)
            .ToArray());
    }

    /// <inheritdoc />
    public void Dispose() => _transport.Dispose();

    /// <summary>
    /// Sends an order write (a submission or a replace) and reconciles a lost answer by <paramref name="clientOrderId"/>:
    /// adopt what Alpaca has, send again only when Alpaca confirms it has nothing (at most
    /// <see cref="MaxOrderSubmissions"/> sends), and report an unknown outcome when the lookup fails.
    /// </summary>
    /// <param name="orderId">The order being replaced, for a 404; null for a submission.</param>
    private async Task<BrokerOrder> WriteOrderAsync(
        AlpacaRequest request, string clientOrderId, string? orderId, string what, CancellationToken cancellationToken)
    {
        for (var send = 1; ; send++)
        {
            AlpacaApiException lost;
            try
            {
                var reply = await _transport.SendOnceAsync(request, cancellationToken).ConfigureAwait(false);
                if (reply.IsSuccess)
                {
                    return _transport.Read(request, reply, AlpacaJsonContext.Default.OrderJson, AlpacaOrderMapping.ToBrokerOrder);
                }

                var failure = _transport.Failure(request, reply);
                if (!failure.IsTransient)
                {
                    return await RefusedAsync(request, failure, send, clientOrderId, orderId, what, cancellationToken).ConfigureAwait(false);
                }

                lost = failure;
            }
            catch (AlpacaApiException e) when (e.StatusCode == 0 || e.StatusCode is >= 200 and < 300)
            {
                lost = e; // no answer, or a success that could not be read: the order may exist
            }

            _transport.Warn(
                "Alpaca order write got no usable answer; looking the order up by client_order_id",
                ("method", request.Method.Method), ("path", request.Path), ("status", lost.StatusCode), ("client_order_id", clientOrderId), ("attempt", send));
            if (await AdoptAsync(request, clientOrderId, what, lost, send, "Alpaca order adopted after a lost answer", cancellationToken).ConfigureAwait(false) is { } existing)
            {
                return existing;
            }

            if (send >= MaxOrderSubmissions)
            {
                throw new AlpacaApiException(
                    request.Method.Method,
                    request.Path,
                    lost.StatusCode,
                    lost.AlpacaCode,
                    _transport.Redact(string.Create(
                        CultureInfo.InvariantCulture,
                        $"{what} was not placed: {send} sends got no usable answer (last: {lost.AlpacaMessage}) and Alpaca has no order with client_order_id {clientOrderId}")),
                    ErrorCategory.Trading,
                    "Alpaca is failing or unreachable; the order does not exist, so it is safe to try again later",
                    lost);
            }

            _transport.Warn(
                "Alpaca confirms it has no such order; sending it again",
                ("method", request.Method.Method), ("path", request.Path), ("status", lost.StatusCode), ("client_order_id", clientOrderId), ("attempt", send));
        }
    }

    /// <summary>
    /// A 4xx answer to an order write: the order's rejection, a 404 for a replaced order that does not exist, or the
    /// failure as it is (a refused key). A duplicate client order id on a second send means the first one landed after
    /// all: the order is looked up and adopted.
    /// </summary>
    private async Task<BrokerOrder> RefusedAsync(
        AlpacaRequest request, AlpacaApiException failure, int send, string clientOrderId, string? orderId, string what, CancellationToken cancellationToken)
    {
        if (orderId is not null && (failure.StatusCode == 404 || IsNotAnOrderId(failure)))
        {
            throw new OrderNotFoundException(orderId, failure);
        }

        var rejection = AlpacaRejections.ToRejection(failure, what);
        if (rejection is { Reason: RejectionReason.DuplicateClientOrderId } && send > 1)
        {
            if (await AdoptAsync(request, clientOrderId, what, failure, send, "Alpaca order adopted: the earlier send landed after all", cancellationToken).ConfigureAwait(false) is { } landed)
            {
                return landed;
            }
        }

        throw (Exception?)rejection ?? failure;
    }

    /// <summary>
    /// The order Alpaca holds under <paramref name="clientOrderId"/>, adopted (and logged as <paramref name="adopted"/>),
    /// or null when Alpaca confirms there is none; when the lookup itself fails the order's state is unknown.
    /// </summary>
    private async Task<BrokerOrder?> AdoptAsync(
        AlpacaRequest request, string clientOrderId, string what, AlpacaApiException answer, int send, string adopted, CancellationToken cancellationToken)
    {
        BrokerOrder? existing;
        try
        {
            existing = await GetOrderByClientIdAsync(clientOrderId, cancellationToken).ConfigureAwait(false);
        }
        catch (AlpacaApiException lookup)
        {
            throw OutcomeUnknown(request, clientOrderId, what, answer, lookup);
        }

        if (existing is not null)
        {
            _transport.Warn(
                adopted,
                ("method", request.Method.Method), ("path", request.Path), ("status", answer.StatusCode), ("client_order_id", clientOrderId),
                ("order_id", existing.Id), ("order_status", existing.Status), ("attempt", send));
        }

        return existing;
    }

    private AlpacaApiException OutcomeUnknown(AlpacaRequest request, string clientOrderId, string what, AlpacaApiException lost, AlpacaApiException lookup)
    {
        _transport.Warn(
            "Alpaca order state unknown: the write got no usable answer and the lookup failed",
            ("method", request.Method.Method), ("path", request.Path), ("status", lost.StatusCode), ("lookup_status", lookup.StatusCode),
            ("client_order_id", clientOrderId));
        return new AlpacaApiException(
            request.Method.Method,
            request.Path,
            lost.StatusCode,
            lost.AlpacaCode,
            _transport.Redact(string.Create(
                CultureInfo.InvariantCulture,
                $"order state unknown: {what} got no usable answer ({lost.AlpacaMessage}) and looking up client_order_id {clientOrderId} failed ({lookup.AlpacaMessage})")),
            ErrorCategory.Trading,
            $"read the order by client_order_id {clientOrderId} before anything else; do not submit it again blindly",
            lookup,
            isOutcomeUnknown: true);
    }

    private async Task<AlpacaReply> ReadAsync(AlpacaRequest request, CancellationToken cancellationToken)
    {
        var reply = await _transport.SendAsync(request, cancellationToken).ConfigureAwait(false);
        EnsureSuccess(request, reply);
        return reply;
    }

    private void EnsureSuccess(AlpacaRequest request, AlpacaReply reply)
    {
        if (!reply.IsSuccess)
        {
            throw _transport.Failure(request, reply);
        }
    }

    /// <summary>Alpaca's 422 for an order id that is not one (not a UUID): <c>order_id is missing</c>.</summary>
    private static bool IsNotAnOrderId(AlpacaApiException failure) =>
        failure.StatusCode == 422 && failure.AlpacaMessage.Contains("order_id", StringComparison.OrdinalIgnoreCase);

    private static AlpacaRequest NewOrder(NewOrderJson body) =>
        new(HttpMethod.Post, AlpacaHost.Trading, "/v2/orders", null, Serialize(body, AlpacaJsonContext.Default.NewOrderJson));

    private static string Serialize<T>(T body, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type) =>
        System.Text.Json.JsonSerializer.Serialize(body, type);

    private static string OrderPath(string orderId) => "/v2/orders/" + Uri.EscapeDataString(orderId);

    private static DateTimeOffset NewYorkMidnight(DateOnly date)
    {
        var local = date.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, MarketTime.NewYork.GetUtcOffset(local));
    }

    /// <summary>The distinct symbols in requests of at most <see cref="SymbolsPerRequest"/>.</summary>
    private static IEnumerable<string[]> Chunks(IReadOnlyCollection<string> symbols)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        foreach (var symbol in symbols)
        {
            CheckSymbol(symbol);
        }

        return symbols.Distinct(StringComparer.Ordinal).Chunk(SymbolsPerRequest);
    }

    private static void CheckSymbol(string symbol)
    {
        if (string.IsNullOrWhiteSpace(symbol) || symbol.Contains(',', StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{symbol}' is not a symbol", nameof(symbol));
        }
    }

    private static void CheckClientOrderId(string clientOrderId)
    {
        if (string.IsNullOrWhiteSpace(clientOrderId))
        {
            throw Invalid("client order id is required: the client reconciles lost answers by it");
        }

        if (clientOrderId.Length > 128)
        {
            throw Invalid(string.Create(CultureInfo.InvariantCulture, $"client order id must be at most 128 characters, '{clientOrderId}' has {clientOrderId.Length}"));
        }
    }

    private static OrderRejectedException Invalid(string message) =>
        new(RejectionReason.Invalid, message, "fix the order: a client order id, a positive quantity, and a positive limit price for a limit order only");

    private static Func<CancellationToken, Task<AlpacaCredentials>> Fixed(AlpacaCredentials credentials)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        return _ => Task.FromResult(credentials);
    }
}
