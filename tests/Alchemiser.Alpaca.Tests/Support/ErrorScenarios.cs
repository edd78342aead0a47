using Alchemiser.Core.Brokerage;

namespace Alchemiser.Alpaca.Tests.Support;

/// <summary>
/// The error cases of the client, each a script for the in-memory Alpaca and a call that fails. The error tests assert
/// on each outcome; <c>SecretHygieneTests</c> runs them all and scans every exception and log line for the keys.
/// </summary>
public static class ErrorScenarios
{
    public const string BuyingPowerMessage = "insufficient buying power";
    public const string SellQuantityMessage = "insufficient qty available for order (requested: 10, available: 4)";
    public const string PatternDayTradingMessage = "trade denied due to pattern day trading protection";

    /// <summary>A day limit buy of 2 AAPL at 150.</summary>
    public static OrderRequest Buy { get; } = OrderRequest.Limit("run-1:AAPL:buy:1", "AAPL", OrderSide.Buy, 2m, 150m);

    /// <summary>A day limit sell of 10 AAPL at 151.</summary>
    public static OrderRequest Sell { get; } = OrderRequest.Limit("run-1:AAPL:sell:1", "AAPL", OrderSide.Sell, 10m, 151m);

    /// <summary>Every scenario by name.</summary>
    public static IReadOnlyList<(string Name, Func<TestAlpaca, Task<Exception?>> Run)> All { get; } =
    [
        (nameof(InsufficientBuyingPower), InsufficientBuyingPower),
        (nameof(InsufficientQuantityOnSell), InsufficientQuantityOnSell),
        (nameof(PatternDayTrading), PatternDayTrading),
        (nameof(Unprocessable) + ":duplicate", t => Unprocessable(t, "client_order_id must be unique")),
        (nameof(Unprocessable) + ":fractional", t => Unprocessable(t, "fractional orders are not supported for this asset")),
        (nameof(Unprocessable) + ":sub-penny", t => Unprocessable(t, "sub-penny increment does not fulfill minimum pricing criteria")),
        (nameof(UnknownOrder), UnknownOrder),
        (nameof(ReplaceOfUnknownOrder), ReplaceOfUnknownOrder),
        (nameof(KeyRefusedWithTheKeyEchoed), KeyRefusedWithTheKeyEchoed),
        (nameof(ForbiddenWithoutCode), ForbiddenWithoutCode),
        (nameof(ServerErrorEveryTime), ServerErrorEveryTime),
        (nameof(RateLimitedEveryTime), RateLimitedEveryTime),
        (nameof(NetworkDownEveryTime), NetworkDownEveryTime),
        (nameof(OrderStateUnknown), OrderStateUnknown),
        (nameof(OrderNeverLands), OrderNeverLands),
        (nameof(UnreadableAccount), UnreadableAccount),
    ];

    /// <summary>403 <c>40310000</c> to a buy.</summary>
    public static Task<Exception?> InsufficientBuyingPower(TestAlpaca t)
    {
        t.Alpaca.Respond(403, $$"""{"buying_power":"176.28","code":40310000,"cost_basis":"300","message":"{{BuyingPowerMessage}}"}""");
        return Record.ExceptionAsync(() => t.Client.SubmitOrderAsync(Buy));
    }

    /// <summary>403 <c>40310000</c> to a sell: Alpaca's same code for shares it does not hold.</summary>
    public static Task<Exception?> InsufficientQuantityOnSell(TestAlpaca t)
    {
        t.Alpaca.RespondError(403, 40310000, SellQuantityMessage);
        return Record.ExceptionAsync(() => t.Client.SubmitOrderAsync(Sell));
    }

    /// <summary>403 <c>40310100</c>: pattern-day-trading protection.</summary>
    public static Task<Exception?> PatternDayTrading(TestAlpaca t)
    {
        t.Alpaca.RespondError(403, 40310100, PatternDayTradingMessage);
        return Record.ExceptionAsync(() => t.Client.SubmitOrderAsync(Buy));
    }

    /// <summary>422 <c>40010001</c> with <paramref name="message"/>.</summary>
    public static Task<Exception?> Unprocessable(TestAlpaca t, string message)
    {
        t.Alpaca.RespondError(422, 40010001, message);
        return Record.ExceptionAsync(() => t.Client.SubmitOrderAsync(Buy));
    }

    /// <summary>404 to reading an order by id.</summary>
    public static Task<Exception?> UnknownOrder(TestAlpaca t)
    {
        t.Alpaca.RespondError(404, 40410000, "order not found");
        return Record.ExceptionAsync(() => t.Client.GetOrderAsync("904837e3-3b76-47ec-b432-046db621571b"));
    }

    /// <summary>404 to replacing an order.</summary>
    public static Task<Exception?> ReplaceOfUnknownOrder(TestAlpaca t)
    {
        t.Alpaca.RespondError(404, 40410000, "order not found");
        return Record.ExceptionAsync(() => t.Client.ReplaceOrderAsync("904837e3-3b76-47ec-b432-046db621571b", new OrderReplacement("run-1:AAPL:buy:2", 2m, 150.05m)));
    }

    /// <summary>401 whose message quotes the key id and the secret (a server that echoes what it was sent).</summary>
    public static Task<Exception?> KeyRefusedWithTheKeyEchoed(TestAlpaca t)
    {
        t.Alpaca.RespondError(401, 40110000, $"request is not authorized: key {TestAlpaca.KeyId} with secret {TestAlpaca.SecretKey}");
        return Record.ExceptionAsync(() => t.Client.GetAccountAsync());
    }

    /// <summary>403 without an Alpaca code: the gateway refused the key.</summary>
    public static Task<Exception?> ForbiddenWithoutCode(TestAlpaca t)
    {
        t.Alpaca.Respond(403, """{"message":"forbidden."}""");
        return Record.ExceptionAsync(() => t.Client.GetPositionsAsync());
    }

    /// <summary>A read that gets 500 on every attempt.</summary>
    public static Task<Exception?> ServerErrorEveryTime(TestAlpaca t)
    {
        t.Alpaca.Otherwise(_ => ScriptedAlpaca.Response(500, """{"code":50010000,"message":"internal server error occurred"}"""));
        return Record.ExceptionAsync(() => t.Client.GetClockAsync());
    }

    /// <summary>A read that gets 429 on every attempt.</summary>
    public static Task<Exception?> RateLimitedEveryTime(TestAlpaca t)
    {
        t.Alpaca.Otherwise(_ => ScriptedAlpaca.Response(429, """{"code":42910000,"message":"rate limit exceeded"}"""));
        return Record.ExceptionAsync(() => t.Client.GetLatestPricesAsync(["AAPL"]));
    }

    /// <summary>A read whose every attempt fails on the network.</summary>
    public static async Task<Exception?> NetworkDownEveryTime(TestAlpaca t)
    {
        for (var i = 0; i <= t.Options.MaxReadRetries; i++)
        {
            t.Alpaca.FailNetwork();
        }

        return await Record.ExceptionAsync(() => t.Client.GetAssetAsync("AAPL"));
    }

    /// <summary>A submission answered 500, then every lookup by client order id fails too.</summary>
    public static Task<Exception?> OrderStateUnknown(TestAlpaca t)
    {
        t.Alpaca.Respond(500, """{"code":50010000,"message":"internal server error occurred"}""")
            .Otherwise(_ => ScriptedAlpaca.Response(503, "<html><body>upstream unavailable</body></html>"));
        return Record.ExceptionAsync(() => t.Client.SubmitOrderAsync(Buy));
    }

    /// <summary>Two submissions answered 500, and Alpaca confirms after each that it has no such order.</summary>
    public static Task<Exception?> OrderNeverLands(TestAlpaca t)
    {
        t.Alpaca.Respond(500, """{"message":"internal server error occurred"}""")
            .RespondError(404, 40410000, "order not found")
            .Respond(502, "")
            .RespondError(404, 40410000, "order not found");
        return Record.ExceptionAsync(() => t.Client.SubmitOrderAsync(Buy));
    }

    /// <summary>A 200 whose body is not an account.</summary>
    public static Task<Exception?> UnreadableAccount(TestAlpaca t)
    {
        t.Alpaca.Respond(200, """{"id":"1d9eed04-be39-4e01-9b84-a48ac5bbafcf","status":"ACTIVE","equity":"12x","cash":"1","buying_power":"1"}""");
        return Record.ExceptionAsync(() => t.Client.GetAccountAsync());
    }
}
