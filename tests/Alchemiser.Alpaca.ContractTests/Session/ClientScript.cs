using Alchemiser.Alpaca.TestServer.Faults;
using Alchemiser.Core.Brokerage;
using Alchemiser.Core.MarketData;
using Alchemiser.Local.Brokerage;
using Alchemiser.Local.MarketData;
using Alchemiser.Local.Time;

namespace Alchemiser.Alpaca.ContractTests.Session;

/// <summary>
/// What <see cref="ClientSession"/> makes the client do: every public call of <see cref="AlpacaClient"/> — the
/// broker, quote and bar-source ports through their interfaces — with whole-share and fractional, limit and market,
/// buy and sell orders, a notional order, a replace with qty and limit price, single and bulk cancels, listings of
/// each status, several symbols at once for quotes, trades and bars (the bars in several pages), and the refusals
/// the client meets in a run: unknown asset, order and client order id, insufficient buying power, a fraction of a
/// whole-share asset, a reused client order id, a cancel of an order no longer open. A few injected faults make the
/// client send what it sends when things go wrong: a read retried after a 429 and after a 500, an order whose answer
/// is lost (looked up by client order id and adopted) and an order refused with a 500 (looked up, not found, sent
/// again). A step whose outcome is not the one scripted throws, so the session cannot quietly stop covering something.
/// </summary>
internal sealed class ClientScript(AlpacaClient client, SimulatedClock clock, FaultInjector faults, ISet<string> driven)
{
    /// <summary>Every symbol with a market: two fractionable ETFs and a whole-share stock with a dot in its symbol.</summary>
    public static readonly string[] Symbols = ["SPY", "QQQ", "BRK.B"];

    /// <summary>A symbol the market does not know.</summary>
    public const string Unknown = "NOPE";

    private const int BarsPerSymbol = 6;

    private readonly IBroker _broker = client;
    private readonly IDailyBarSource _barSource = client;

    /// <summary>Quotes, last trades and bars of <see cref="Symbols"/> from <paramref name="now"/> on; BRK.B is not fractionable.</summary>
    public static void Prepare(ScriptedMarketModel market, InMemoryBarStore bars, DateTimeOffset now)
    {
        Quote(market, now, "SPY", 99.99m, 100.01m);
        Quote(market, now, "QQQ", 199.98m, 200.02m);
        Quote(market, now, "BRK.B", 459.90m, 460.10m);
        market.SetAsset("BRK.B", tradable: true, fractionable: false);
        bars.Put("SPY", ClientSession.Bars(590m, BarsPerSymbol));
        bars.Put("QQQ", ClientSession.Bars(520m, BarsPerSymbol));
        bars.Put("BRK.B", ClientSession.Bars(480m, BarsPerSymbol));
    }

    public async Task RunAsync()
    {
        faults.Enqueue(new FaultRule("GET", "/v2/clock", Fault.TooManyRequests(TimeSpan.FromSeconds(1))));
        faults.Enqueue(new FaultRule("GET", "/v2/account", Fault.InternalServerError()));
        await ReadMarketAsync();
        await ReadAccountAsync(expectedPositions: 0);

        var limit = await SubmitAsync(new OrderRequest("contract-spy-limit-1", "SPY", OrderSide.Buy, 5m, OrderType.Limit, 99.50m), OrderStatus.New);
        faults.Enqueue(new FaultRule("POST", "/v2/orders", Fault.LostResponse(LostResponseMode.InternalServerError)));
        await SubmitAsync(new OrderRequest("contract-qqq-market-1", "QQQ", OrderSide.Buy, 3m, OrderType.Market, null), OrderStatus.New);
        faults.Enqueue(new FaultRule("POST", "/v2/orders", Fault.InternalServerError()));
        await SubmitAsync(new OrderRequest("contract-spy-fraction-1", "SPY", OrderSide.Buy, 0.5m, OrderType.Market, null), OrderStatus.New);
        Expect(faults.Pending == 0, $"{faults.Pending} injected faults were never met");
        var notional = await Drive(nameof(AlpacaClient.SubmitNotionalOrderAsync), () => client.SubmitNotionalOrderAsync("contract-spy-notional-1", "SPY", OrderSide.Buy, 250.75m));
        Expect(notional.Symbol == "SPY" && notional.Side == OrderSide.Buy, $"the notional order came back as {notional}");
        await RefusedAsync(new OrderRequest("contract-brkb-limit-1", "BRK.B", OrderSide.Buy, 1000m, OrderType.Limit, 460m), RejectionReason.InsufficientBuyingPower);
        await RefusedAsync(new OrderRequest("contract-brkb-fraction-1", "BRK.B", OrderSide.Buy, 0.5m, OrderType.Market, null), RejectionReason.NotFractionable);
        await RefusedAsync(new OrderRequest("contract-spy-limit-1", "SPY", OrderSide.Buy, 1m, OrderType.Limit, 99m), RejectionReason.DuplicateClientOrderId);

        clock.Advance(TimeSpan.FromSeconds(2));
        var filled = await Drive(nameof(AlpacaClient.GetOrderByClientIdAsync), () => _broker.GetOrderByClientIdAsync("contract-qqq-market-1"));
        Expect(filled is { Status: OrderStatus.Filled, FilledQuantity: 3m }, $"the QQQ market order is {filled}");
        await SubmitAsync(new OrderRequest("contract-qqq-sell-1", "QQQ", OrderSide.Sell, 1m, OrderType.Limit, 250m), OrderStatus.New);
        await SubmitAsync(new OrderRequest("contract-spy-sell-1", "SPY", OrderSide.Sell, 0.25m, OrderType.Market, null), OrderStatus.New);
        clock.Advance(TimeSpan.FromSeconds(2));

        var resting = await Drive(nameof(AlpacaClient.GetOrderAsync), () => _broker.GetOrderAsync(limit.Id));
        Expect(resting.Status == OrderStatus.New && resting.ClientOrderId == "contract-spy-limit-1", $"the SPY limit order is {resting}");
        var none = await Drive(nameof(AlpacaClient.GetOrderByClientIdAsync), () => _broker.GetOrderByClientIdAsync("contract-never-placed"));
        Expect(none is null, $"an order never placed reads as {none}");
        var unknownId = Guid.NewGuid().ToString("D");
        var missing = await Drive(nameof(AlpacaClient.GetOrderAsync), () => Caught<OrderNotFoundException, BrokerOrder>(() => _broker.GetOrderAsync(unknownId)));
        Expect(missing is not null, "an unknown order id did not throw OrderNotFoundException");

        var replacement = await Drive(
            nameof(AlpacaClient.ReplaceOrderAsync), () => _broker.ReplaceOrderAsync(limit.Id, new OrderReplacement("contract-spy-limit-2", 6m, 99.60m)));
        Expect(
            replacement is { Status: OrderStatus.New, Quantity: 6m, LimitPrice: 99.60m, ClientOrderId: "contract-spy-limit-2" } && replacement.Id != limit.Id,
            $"the replacement is {replacement}");
        var replaced = await Drive(nameof(AlpacaClient.GetOrderAsync), () => _broker.GetOrderAsync(limit.Id));
        Expect(replaced.Status == OrderStatus.Replaced && replaced.ReplacedBy == replacement.Id, $"the replaced order is {replaced}");

        var open = await ListAsync("open");
        Expect(open.Count == 2, $"{open.Count} open orders listed, expected the replacement and the QQQ sell");
        var closed = await ListAsync("closed");
        Expect(closed.Any(o => o.Status == OrderStatus.Filled) && closed.Any(o => o.Status == OrderStatus.Replaced), "the closed orders lack a filled or a replaced one");
        var all = await ListAsync("all");
        Expect(all.Count == open.Count + closed.Count, $"all lists {all.Count} orders, open and closed {open.Count + closed.Count}");

        await Drive(nameof(AlpacaClient.CancelOrderAsync), () => _broker.CancelOrderAsync(replacement.Id));
        var canceled = await Drive(nameof(AlpacaClient.GetOrderAsync), () => _broker.GetOrderAsync(replacement.Id));
        Expect(canceled.Status == OrderStatus.Canceled, $"the cancelled replacement is {canceled}");
        await Drive(nameof(AlpacaClient.CancelOrderAsync), () => _broker.CancelOrderAsync(replacement.Id));
        var cancellations = await Drive(nameof(AlpacaClient.CancelAllOrdersAsync), () => client.CancelAllOrdersAsync());
        Expect(cancellations.Count == 1, $"cancel-all answered for {cancellations.Count} orders, expected the QQQ sell");

        await ReadAccountAsync(expectedPositions: 2);
    }

    /// <summary>Clock, calendar, assets, latest quotes and trades, and daily bars.</summary>
    private async Task ReadMarketAsync()
    {
        var now = await Drive(nameof(AlpacaClient.GetClockAsync), () => _broker.GetClockAsync());
        Expect(now.IsOpen, $"the market is not open at {now.Timestamp}");
        var sessions = await Drive(nameof(AlpacaClient.GetCalendarAsync), () => _broker.GetCalendarAsync(new DateOnly(2025, 6, 23), new DateOnly(2025, 7, 8)));
        Expect(
            sessions.Count == 11 && sessions.All(s => s.Date != new DateOnly(2025, 7, 4)),
            $"the calendar has {sessions.Count} sessions, expected 11 without Independence Day");

        foreach (var symbol in Symbols)
        {
            var asset = await Drive(nameof(AlpacaClient.GetAssetAsync), () => _broker.GetAssetAsync(symbol));
            Expect(asset is { Tradable: true } && asset.Fractionable == (symbol != "BRK.B"), $"asset {symbol} is {asset}");
        }

        var unknown = await Drive(nameof(AlpacaClient.GetAssetAsync), () => _broker.GetAssetAsync(Unknown));
        Expect(unknown is null, $"the unknown asset is {unknown}");

        string[] asked = [.. Symbols, Unknown];
        var quotes = await Drive(nameof(AlpacaClient.GetLatestQuotesAsync), () => _broker.GetLatestQuotesAsync(asked));
        Expect(quotes.Keys.Order(StringComparer.Ordinal).SequenceEqual(Symbols.Order(StringComparer.Ordinal)), $"quotes came for {string.Join(",", quotes.Keys)}");
        var prices = await Drive(nameof(AlpacaClient.GetLatestPricesAsync), () => _broker.GetLatestPricesAsync(asked));
        Expect(prices.Count == Symbols.Length, $"latest trades came for {string.Join(",", prices.Keys)}");

        var bars = await Drive(
            nameof(AlpacaClient.GetDailyBarsAsync), () => _barSource.GetDailyBarsAsync(Symbols, new DateOnly(2025, 6, 2), new DateOnly(2025, 6, 27)));
        Expect(
            bars.Count == Symbols.Length && bars.Values.All(b => b.Count == BarsPerSymbol),
            $"bars came as {string.Join(", ", bars.Select(b => $"{b.Key}:{b.Value.Count}"))}");
    }

    private async Task ReadAccountAsync(int expectedPositions)
    {
        var account = await Drive(nameof(AlpacaClient.GetAccountAsync), () => _broker.GetAccountAsync());
        Expect(account.Equity > 0m, $"the account is {account}");
        var positions = await Drive(nameof(AlpacaClient.GetPositionsAsync), () => _broker.GetPositionsAsync());
        Expect(positions.Count == expectedPositions, $"{positions.Count} positions, expected {expectedPositions}");
    }

    private async Task<BrokerOrder> SubmitAsync(OrderRequest request, OrderStatus expected)
    {
        var order = await Drive(nameof(AlpacaClient.SubmitOrderAsync), () => _broker.SubmitOrderAsync(request));
        Expect(order.Status == expected && order.ClientOrderId == request.ClientOrderId, $"order {request.ClientOrderId} came back as {order}");
        return order;
    }

    private async Task RefusedAsync(OrderRequest request, RejectionReason reason)
    {
        var rejection = await Drive(
            nameof(AlpacaClient.SubmitOrderAsync), () => Caught<OrderRejectedException, BrokerOrder>(() => _broker.SubmitOrderAsync(request)));
        Expect(rejection?.Reason == reason, $"order {request.ClientOrderId} was not refused for {reason} (got {rejection?.Reason.ToString() ?? "no refusal"})");
    }

    private async Task<IReadOnlyList<BrokerOrder>> ListAsync(string status) =>
        await Drive(nameof(AlpacaClient.ListOrdersAsync), () => client.ListOrdersAsync(status));

    private async Task<T> Drive<T>(string method, Func<Task<T>> call)
    {
        driven.Add(method);
        return await call();
    }

    private async Task Drive(string method, Func<Task> call)
    {
        driven.Add(method);
        await call();
    }

    /// <summary>The <typeparamref name="TException"/> the call throws, or null when it returns.</summary>
    private static async Task<TException?> Caught<TException, T>(Func<Task<T>> call)
        where TException : Exception
    {
        try
        {
            await call();
            return null;
        }
        catch (TException e)
        {
            return e;
        }
    }

    private static void Quote(ScriptedMarketModel market, DateTimeOffset now, string symbol, decimal bid, decimal ask)
    {
        market.SetQuote(symbol, now, bid, ask, 100_000m, 100_000m);
        market.SetLastTrade(symbol, now, (bid + ask) / 2m);
    }

    private static void Expect(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException("the client session did not go as scripted: " + what);
        }
    }
}
