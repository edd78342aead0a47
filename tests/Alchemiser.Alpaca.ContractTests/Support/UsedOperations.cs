namespace Alchemiser.Alpaca.ContractTests.Support;

/// <summary>
/// The Alpaca operations the project uses (the table in <c>shared/contracts/alpaca/README.md</c>), each with a
/// request of the kind the client sends: method, path and query, and body.
/// </summary>
internal static class UsedOperations
{
    public const string OrderId = "61e69015-8549-4bfd-b9c3-01e75843f47d";

    public const string LimitOrder = """
        {"symbol":"AAPL","qty":"1","side":"buy","type":"limit","time_in_force":"day","limit_price":"187.10","client_order_id":"alc-x-AAPL-buy-1"}
        """;

    public const string Replacement = """{"qty":"2","limit_price":"187.20","client_order_id":"alc-x-AAPL-buy-2"}""";

    /// <summary>
    /// The operations <see cref="AlpacaClient"/> calls, by API: exactly those a session of the client against the test
    /// server reaches (a test holds the two equal). The README's single-symbol market-data operations
    /// (<c>StockLatestQuoteSingle</c>, <c>StockLatestTradeSingle</c>, <c>StockBarSingle</c>) are in <see cref="Requests"/>
    /// only: the client always asks for a list of symbols.
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlySet<string>> ByClient { get; } = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal)
    {
        [AlpacaSpecs.Trading] = new SortedSet<string>(StringComparer.Ordinal)
        {
            "getAccount", "getAllOpenPositions", "postOrder", "getAllOrders", "deleteAllOrders", "getOrderByOrderID", "patchOrderByOrderId",
            "deleteOrderByOrderID", "getOrderByClientOrderId", "LegacyClock", "LegacyCalendar", "get-v2-assets-symbol_or_asset_id",
        },
        [AlpacaSpecs.MarketData] = new SortedSet<string>(StringComparer.Ordinal) { "StockLatestQuotes", "StockLatestTrades", "StockBars" },
    };

    /// <summary>spec, operationId, method, path and query, body.</summary>
    public static TheoryData<string, string, string, string, string?> Requests() => new()
    {
        { AlpacaSpecs.Trading, "getAccount", "GET", "/v2/account", null },
        { AlpacaSpecs.Trading, "getAllOpenPositions", "GET", "/v2/positions", null },
        { AlpacaSpecs.Trading, "postOrder", "POST", "/v2/orders", LimitOrder },
        { AlpacaSpecs.Trading, "postOrder", "POST", "/v2/orders", """{"symbol":"SPY","notional":"1500.25","side":"buy","type":"market","time_in_force":"day","client_order_id":"alc-x-SPY-buy-1"}""" },
        { AlpacaSpecs.Trading, "getAllOrders", "GET", "/v2/orders?status=open&limit=500&direction=asc&nested=false&symbols=AAPL,SPY&after=2024-01-03T00:00:00Z", null },
        { AlpacaSpecs.Trading, "deleteAllOrders", "DELETE", "/v2/orders", null },
        { AlpacaSpecs.Trading, "getOrderByOrderID", "GET", $"/v2/orders/{OrderId}", null },
        { AlpacaSpecs.Trading, "patchOrderByOrderId", "PATCH", $"/v2/orders/{OrderId}", Replacement },
        { AlpacaSpecs.Trading, "deleteOrderByOrderID", "DELETE", $"/v2/orders/{OrderId}", null },
        { AlpacaSpecs.Trading, "getOrderByClientOrderId", "GET", "/v2/orders:by_client_order_id?client_order_id=x", null },
        { AlpacaSpecs.Trading, "LegacyClock", "GET", "/v2/clock", null },
        { AlpacaSpecs.Trading, "LegacyCalendar", "GET", "/v2/calendar?start=2024-01-01&end=2024-12-31", null },
        { AlpacaSpecs.Trading, "get-v2-assets-symbol_or_asset_id", "GET", "/v2/assets/AAPL", null },
        { AlpacaSpecs.Trading, "get-v2-assets-symbol_or_asset_id", "GET", "/v2/assets/BTC%2FUSD", null },
        { AlpacaSpecs.MarketData, "StockLatestQuotes", "GET", "/v2/stocks/quotes/latest?symbols=AAPL,SPY&feed=iex", null },
        { AlpacaSpecs.MarketData, "StockLatestTrades", "GET", "/v2/stocks/trades/latest?symbols=AAPL,SPY&feed=iex", null },
        { AlpacaSpecs.MarketData, "StockBars", "GET", "/v2/stocks/bars?symbols=AAPL,SPY&timeframe=1Day&start=2024-01-03&end=2024-12-31T21:00:00Z&adjustment=all&feed=sip&limit=10000&sort=asc&page_token=QUFQTHxEfDIwMjQ%3D", null },
        { AlpacaSpecs.MarketData, "StockLatestQuoteSingle", "GET", "/v2/stocks/AAPL/quotes/latest?feed=iex", null },
        { AlpacaSpecs.MarketData, "StockLatestTradeSingle", "GET", "/v2/stocks/AAPL/trades/latest?feed=iex", null },
        { AlpacaSpecs.MarketData, "StockBarSingle", "GET", "/v2/stocks/AAPL/bars?timeframe=1Day&adjustment=all", null },
    };

    /// <summary>spec and operationId of every used operation.</summary>
    public static TheoryData<string, string> Ids()
    {
        var ids = new TheoryData<string, string>();
        foreach (var (spec, operationId) in Requests().Select(row => ((string)row[0], (string)row[1])).Distinct())
        {
            ids.Add(spec, operationId);
        }

        return ids;
    }
}
