using System.Globalization;
using Alchemiser.Core.Brokerage;
using Alchemiser.Core.MarketData;
using Alchemiser.Core.Time;
using Alchemiser.Functions.Tests.Support;

namespace Alchemiser.Functions.Tests.Execution.Support;

/// <summary>
/// A broker held in memory whose fills the test scripts, keeping the port's semantics: a client order id is used once
/// (a refused order uses none), a replace ends the old order <see cref="OrderStatus.Replaced"/> keeping its fills, a
/// cancel ends an open order at once, buys need buying power (cash less what open buys reserve) and sells need shares
/// not already offered. Fills happen when an order is placed: a limit order fills only as a script says (by symbol and
/// the step the client order id ends with, e.g. <c>2</c>, <c>m</c>, <c>f</c>); a market order fills at the ask (buy)
/// or bid (sell) unless scripted otherwise. Quotes are live (stamped with the clock's time) unless set with a time.
/// </summary>
public sealed class ScriptedBroker(FakeClock clock) : IBroker
{
    private readonly Dictionary<string, (decimal Bid, decimal Ask, DateTimeOffset? At)> _quotes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, decimal> _lastTrades = new(StringComparer.Ordinal);
    private readonly Dictionary<string, decimal> _positions = new(StringComparer.Ordinal);
    private readonly List<BrokerOrder> _orders = [];
    private readonly Dictionary<string, string> _idsByClientId = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Symbol, string Step), (decimal? Quantity, decimal? Price)> _fills = [];
    private readonly Dictionary<(string Symbol, string Step), Queue<(RejectionReason Reason, string Message)>> _rejections = [];
    private readonly HashSet<string> _openMarketSymbols = new(StringComparer.Ordinal);
    private readonly List<BrokerAction> _actions = [];
    private readonly List<(string ClientOrderId, RejectionReason Reason)> _refusals = [];
    private readonly List<string> _calls = [];

    /// <summary>Cash in the account.</summary>
    public decimal Cash { get; set; }

    /// <summary>Called with each order request before the broker checks it (e.g. to move cash out, or to let a racing delivery submit first).</summary>
    public Action<OrderRequest>? BeforeSubmit { get; set; }

    /// <summary>Every order, in the order it was created.</summary>
    public IReadOnlyList<BrokerOrder> Orders => _orders;

    /// <summary>Every accepted submit, replace and cancel, in order.</summary>
    public IReadOnlyList<BrokerAction> Actions => _actions;

    /// <summary>Every lookup by client order id, submit and replace asked for (accepted or not), as <c>lookup|submit|replace {client order id}</c>.</summary>
    public IReadOnlyList<string> Calls => _calls;

    /// <summary>Every submit or replace the broker refused, in order.</summary>
    public IReadOnlyList<(string ClientOrderId, RejectionReason Reason)> Refusals => _refusals;

    /// <summary>Quotes <paramref name="symbol"/> at bid/ask; with <paramref name="at"/> the quote keeps that time, else it is live.</summary>
    public void SetQuote(string symbol, decimal bid, decimal ask, DateTimeOffset? at = null) => _quotes[symbol] = (bid, ask, at);

    /// <summary>Removes the quote of <paramref name="symbol"/>.</summary>
    public void RemoveQuote(string symbol) => _quotes.Remove(symbol);

    public void SetLastTrade(string symbol, decimal price) => _lastTrades[symbol] = price;

    /// <summary>Holds <paramref name="quantity"/> shares of <paramref name="symbol"/>.</summary>
    public void Hold(string symbol, decimal quantity) => _positions[symbol] = quantity;

    public decimal Position(string symbol) => _positions.GetValueOrDefault(symbol);

    /// <summary>
    /// When an order of <paramref name="symbol"/> at <paramref name="step"/> is placed, it fills <paramref name="quantity"/>
    /// shares (all it has when null) at <paramref name="price"/> (its limit, or the market price, when null).
    /// </summary>
    public void FillOnPlacement(string symbol, string step, decimal? quantity = null, decimal? price = null) => _fills[(symbol, step)] = (quantity, price);

    /// <summary>The next order of <paramref name="symbol"/> at <paramref name="step"/> is refused.</summary>
    public void Reject(string symbol, string step, RejectionReason reason, string message)
    {
        if (!_rejections.TryGetValue((symbol, step), out var queue))
        {
            _rejections[(symbol, step)] = queue = new Queue<(RejectionReason, string)>();
        }

        queue.Enqueue((reason, message));
    }

    /// <summary>Market orders of <paramref name="symbol"/> stay open (a halted symbol).</summary>
    public void LeaveMarketOrdersOpen(string symbol) => _openMarketSymbols.Add(symbol);

    public IReadOnlyList<BrokerOrder> OrdersOf(string symbol) => _orders.Where(o => o.Symbol == symbol).ToList();

    public decimal BuyingPower => Cash - _orders.Where(o => o.IsOpen && o.Side == OrderSide.Buy).Sum(Reserved);

    public Task<BrokerAccount> GetAccountAsync(CancellationToken cancellationToken = default)
    {
        var equity = Cash + _positions.Sum(p => p.Value * Mark(p.Key));
        return Task.FromResult(new BrokerAccount("scripted", equity, Cash, BuyingPower));
    }

    public Task<IReadOnlyList<BrokerPosition>> GetPositionsAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<BrokerPosition>>(_positions
            .Where(p => p.Value > 0m)
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => new BrokerPosition(p.Key, p.Value, Mark(p.Key), Mark(p.Key), p.Value * Mark(p.Key)))
            .ToList());

    public Task<IReadOnlyDictionary<string, Quote>> GetLatestQuotesAsync(IReadOnlyCollection<string> symbols, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyDictionary<string, Quote>>(symbols
            .Where(_quotes.ContainsKey)
            .Distinct(StringComparer.Ordinal)
            .ToDictionary(s => s, s => new Quote(s, _quotes[s].Bid, _quotes[s].Ask, 100m, 100m, _quotes[s].At ?? clock.UtcNow), StringComparer.Ordinal));

    public Task<IReadOnlyDictionary<string, LatestPrice>> GetLatestPricesAsync(IReadOnlyCollection<string> symbols, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyDictionary<string, LatestPrice>>(symbols
            .Where(_lastTrades.ContainsKey)
            .Distinct(StringComparer.Ordinal)
            .ToDictionary(s => s, s => new LatestPrice(s, _lastTrades[s], clock.UtcNow), StringComparer.Ordinal));

    public Task<AssetInfo?> GetAssetAsync(string symbol, CancellationToken cancellationToken = default) =>
        Task.FromResult(_quotes.ContainsKey(symbol) || _lastTrades.ContainsKey(symbol) ? new AssetInfo(symbol, true, true) : null);

    public Task<BrokerOrder> SubmitOrderAsync(OrderRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        _calls.Add("submit " + request.ClientOrderId);
        return Refused(request.ClientOrderId, () => Submit(request));
    }

    public Task<BrokerOrder> ReplaceOrderAsync(string orderId, OrderReplacement replacement, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(replacement);
        _calls.Add("replace " + replacement.ClientOrderId);
        return Refused(replacement.ClientOrderId, () => Replace(orderId, replacement));
    }

    private Task<BrokerOrder> Refused(string clientOrderId, Func<BrokerOrder> act)
    {
        try
        {
            return Task.FromResult(act());
        }
        catch (OrderRejectedException refused)
        {
            _refusals.Add((clientOrderId, refused.Reason));
            throw;
        }
    }

    private BrokerOrder Submit(OrderRequest request)
    {
        if (request.Quantity <= 0m || (request.Type == OrderType.Limit) != request.LimitPrice is > 0m)
        {
            throw new OrderRejectedException(RejectionReason.Invalid, $"invalid order {request}");
        }

        BeforeSubmit?.Invoke(request);
        EnsureUnused(request.ClientOrderId);
        RefuseIfScripted(request.Symbol, request.ClientOrderId);
        if (request.Side == OrderSide.Buy && request.Quantity * (request.LimitPrice ?? MarketPrice(request.Symbol, OrderSide.Buy)) > BuyingPower)
        {
            throw new OrderRejectedException(RejectionReason.InsufficientBuyingPower, "insufficient buying power");
        }

        if (request.Side == OrderSide.Sell && request.Quantity > SellableShares(request.Symbol, exceptOrderId: null))
        {
            throw new OrderRejectedException(RejectionReason.InsufficientBuyingPower, "insufficient qty available for order");
        }

        var order = Create(request.ClientOrderId, request.Symbol, request.Side, request.Type, request.Quantity, request.LimitPrice);
        _actions.Add(new BrokerAction(clock.UtcNow, "submit", request.ClientOrderId, request.Symbol, request.Side, request.Quantity, request.LimitPrice));
        return FillOnPlacement(order);
    }

    public Task<BrokerOrder> GetOrderAsync(string orderId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_orders[IndexOf(orderId)]);

    public Task<BrokerOrder?> GetOrderByClientIdAsync(string clientOrderId, CancellationToken cancellationToken = default)
    {
        _calls.Add("lookup " + clientOrderId);
        return Task.FromResult(_idsByClientId.TryGetValue(clientOrderId, out var id) ? _orders[IndexOf(id)] : null);
    }

    private BrokerOrder Replace(string orderId, OrderReplacement replacement)
    {
        var index = IndexOf(orderId);
        var old = _orders[index];
        if (!old.IsOpen)
        {
            throw new OrderRejectedException(RejectionReason.Invalid, $"order {orderId} is {old.Status} and cannot be replaced");
        }

        if (old.Type != OrderType.Limit || replacement.Quantity <= 0m || replacement.LimitPrice <= 0m)
        {
            throw new OrderRejectedException(RejectionReason.Invalid, $"invalid replacement {replacement}");
        }

        EnsureUnused(replacement.ClientOrderId);
        RefuseIfScripted(old.Symbol, replacement.ClientOrderId);
        if (old.Side == OrderSide.Buy && replacement.Quantity * replacement.LimitPrice > BuyingPower + Reserved(old))
        {
            throw new OrderRejectedException(RejectionReason.InsufficientBuyingPower, "insufficient buying power");
        }

        if (old.Side == OrderSide.Sell && replacement.Quantity > SellableShares(old.Symbol, exceptOrderId: old.Id))
        {
            throw new OrderRejectedException(RejectionReason.InsufficientBuyingPower, "insufficient qty available for order");
        }

        var order = Create(replacement.ClientOrderId, old.Symbol, old.Side, OrderType.Limit, replacement.Quantity, replacement.LimitPrice);
        _orders[index] = old with { Status = OrderStatus.Replaced, ReplacedBy = order.Id, UpdatedAt = clock.UtcNow };
        _actions.Add(new BrokerAction(clock.UtcNow, "replace", replacement.ClientOrderId, old.Symbol, old.Side, replacement.Quantity, replacement.LimitPrice));
        return FillOnPlacement(order);
    }

    public Task CancelOrderAsync(string orderId, CancellationToken cancellationToken = default)
    {
        var index = IndexOf(orderId);
        var order = _orders[index];
        if (order.IsOpen)
        {
            _orders[index] = order with { Status = OrderStatus.Canceled, UpdatedAt = clock.UtcNow };
            _actions.Add(new BrokerAction(clock.UtcNow, "cancel", order.ClientOrderId, order.Symbol, order.Side, order.RemainingQuantity, order.LimitPrice));
        }

        return Task.CompletedTask;
    }

    public Task<MarketClock> GetClockAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.UtcNow;
        return Task.FromResult(new MarketClock(now, true, now.AddDays(1), now.AddMinutes(30)));
    }

    public Task<IReadOnlyList<MarketSession>> GetCalendarAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        var sessions = new List<MarketSession>();
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                sessions.Add(new MarketSession(day, NewYork(day, 9, 30), NewYork(day, 16, 0)));
            }
        }

        return Task.FromResult<IReadOnlyList<MarketSession>>(sessions);
    }

    private static DateTimeOffset NewYork(DateOnly day, int hour, int minute)
    {
        var local = day.ToDateTime(new TimeOnly(hour, minute));
        return new DateTimeOffset(local, MarketTime.NewYork.GetUtcOffset(local));
    }

    private static string StepOf(string clientOrderId) => clientOrderId[(clientOrderId.LastIndexOf('-') + 1)..];

    private void EnsureUnused(string clientOrderId)
    {
        if (_idsByClientId.ContainsKey(clientOrderId))
        {
            throw new OrderRejectedException(RejectionReason.DuplicateClientOrderId, $"client_order_id '{clientOrderId}' must be unique");
        }
    }

    private void RefuseIfScripted(string symbol, string clientOrderId)
    {
        if (_rejections.TryGetValue((symbol, StepOf(clientOrderId)), out var queue) && queue.TryDequeue(out var refusal))
        {
            throw new OrderRejectedException(refusal.Reason, refusal.Message);
        }
    }

    private BrokerOrder Create(string clientOrderId, string symbol, OrderSide side, OrderType type, decimal quantity, decimal? limitPrice)
    {
        var now = clock.UtcNow;
        var order = new BrokerOrder(
            "order-" + (_orders.Count + 1).ToString("000", CultureInfo.InvariantCulture),
            clientOrderId, symbol, side, type, quantity, limitPrice, OrderStatus.New, 0m, null, now, now, null, null, null);
        _orders.Add(order);
        _idsByClientId[clientOrderId] = order.Id;
        return order;
    }

    private BrokerOrder FillOnPlacement(BrokerOrder order)
    {
        if (_fills.TryGetValue((order.Symbol, StepOf(order.ClientOrderId)), out var script))
        {
            var quantity = Math.Min(script.Quantity ?? order.RemainingQuantity, order.RemainingQuantity);
            return quantity > 0m ? Fill(order, quantity, script.Price ?? order.LimitPrice ?? MarketPrice(order.Symbol, order.Side)) : order;
        }

        return order.Type == OrderType.Market && !_openMarketSymbols.Contains(order.Symbol)
            ? Fill(order, order.RemainingQuantity, MarketPrice(order.Symbol, order.Side))
            : order;
    }

    private BrokerOrder Fill(BrokerOrder order, decimal quantity, decimal price)
    {
        var filled = order.FilledQuantity + quantity;
        var average = ((order.FilledQuantity * (order.FilledAveragePrice ?? 0m)) + (quantity * price)) / filled;
        var now = clock.UtcNow;
        var updated = order with
        {
            FilledQuantity = filled,
            FilledAveragePrice = average,
            Status = filled == order.Quantity ? OrderStatus.Filled : OrderStatus.PartiallyFilled,
            FilledAt = filled == order.Quantity ? now : null,
            UpdatedAt = now,
        };
        _orders[IndexOf(order.Id)] = updated;
        var signed = order.Side == OrderSide.Buy ? quantity : -quantity;
        _positions[order.Symbol] = _positions.GetValueOrDefault(order.Symbol) + signed;
        Cash -= signed * price;
        return updated;
    }

    private decimal MarketPrice(string symbol, OrderSide side) =>
        _quotes.TryGetValue(symbol, out var quote) && quote.Bid > 0m && quote.Ask >= quote.Bid
            ? (side == OrderSide.Buy ? quote.Ask : quote.Bid)
            : _lastTrades.TryGetValue(symbol, out var last) ? last
            : throw new OrderRejectedException(RejectionReason.UnknownAsset, $"no price for {symbol}");

    private decimal Mark(string symbol) =>
        _quotes.TryGetValue(symbol, out var quote) && quote.Bid > 0m && quote.Ask >= quote.Bid ? (quote.Bid + quote.Ask) / 2m
        : _lastTrades.GetValueOrDefault(symbol);

    private decimal Reserved(BrokerOrder order) => order.RemainingQuantity * (order.LimitPrice ?? MarketPrice(order.Symbol, OrderSide.Buy));

    private decimal SellableShares(string symbol, string? exceptOrderId) =>
        _positions.GetValueOrDefault(symbol)
        - _orders.Where(o => o.IsOpen && o.Side == OrderSide.Sell && o.Symbol == symbol && o.Id != exceptOrderId).Sum(o => o.RemainingQuantity);

    private int IndexOf(string orderId)
    {
        var index = _orders.FindIndex(o => o.Id == orderId);
        return index >= 0 ? index : throw new OrderNotFoundException(orderId);
    }
}
