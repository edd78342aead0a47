using Alchemiser.Alpaca.ContractTests.OpenApi;
using Alchemiser.Alpaca.ContractTests.Support;

namespace Alchemiser.Alpaca.ContractTests.Alpaca;

/// <summary>Every operation the project uses is where the client will look for it, and requests of the client's kind are ones Alpaca describes.</summary>
public sealed class UsedOperationTests
{
    public static TheoryData<string, string, string, string, string?> Requests() => UsedOperations.Requests();

    [Theory]
    [MemberData(nameof(Requests))]
    public void A_used_operation_is_found_by_its_method_and_path(string spec, string operationId, string method, string pathAndQuery, string? body)
    {
        _ = body;
        var operation = AlpacaSpecs.Named(spec).FindOperation(new HttpMethod(method), pathAndQuery);

        Assert.NotNull(operation);
        Assert.Equal(operationId, operation.OperationId);
        Assert.Equal(method, operation.Method.Method);
    }

    [Theory]
    [MemberData(nameof(Requests))]
    public void A_request_of_the_clients_kind_has_no_problems(string spec, string operationId, string method, string pathAndQuery, string? body)
    {
        _ = operationId;
        ProblemAssert.None(AlpacaSpecs.Named(spec).ValidateRequest(new HttpMethod(method), pathAndQuery, body));
    }

    [Fact]
    public void The_readme_table_of_used_operations_is_covered()
    {
        string[] readme =
        [
            "getAccount", "getAllOpenPositions", "postOrder", "getAllOrders", "deleteAllOrders", "getOrderByOrderID", "patchOrderByOrderId",
            "deleteOrderByOrderID", "getOrderByClientOrderId", "LegacyClock", "LegacyCalendar", "get-v2-assets-symbol_or_asset_id",
            "StockLatestQuotes", "StockLatestTrades", "StockBars",
        ];

        var covered = UsedOperations.Requests().Select(row => (string)row[1]!).ToHashSet(StringComparer.Ordinal);

        Assert.All(readme, id => Assert.Contains(id, covered));
    }

    [Fact]
    public void Every_operation_the_client_uses_has_a_reference_request_in_its_document()
    {
        var rows = UsedOperations.Requests().Select(row => ((string)row[0]!, (string)row[1]!)).ToHashSet();

        foreach (var (spec, ids) in UsedOperations.ByClient)
        {
            Assert.All(ids, id => Assert.Contains((spec, id), rows));
            Assert.All(ids, id => Assert.NotNull(AlpacaSpecs.Named(spec).FindOperationById(id)));
        }
    }

    [Theory]
    [InlineData(AlpacaSpecs.Trading, "POST", "/v2/account", "/v2/account of trading-api.json has no POST operation (it has GET)")]
    [InlineData(AlpacaSpecs.Trading, "PUT", "/v2/orders/" + UsedOperations.OrderId, "has no PUT operation (it has GET, DELETE, PATCH)")]
    [InlineData(AlpacaSpecs.Trading, "GET", "/v2/order", "no path of trading-api.json fits GET /v2/order")]
    [InlineData(AlpacaSpecs.Trading, "GET", "/v2/orders/by_client_order_id?client_order_id=x", "\"by_client_order_id\" is not a valid uuid")]
    [InlineData(AlpacaSpecs.Trading, "GET", "/v2/assets?symbol=AAPL", "unknown query parameter \"symbol\"")]
    [InlineData(AlpacaSpecs.Trading, "GET", "/v2/stocks/bars?symbols=AAPL&timeframe=1Day", "no path of trading-api.json fits GET /v2/stocks/bars")]
    [InlineData(AlpacaSpecs.MarketData, "GET", "/v2/account", "no path of market-data-api.json fits GET /v2/account")]
    [InlineData(AlpacaSpecs.MarketData, "POST", "/v2/stocks/bars?symbols=AAPL&timeframe=1Day", "has no POST operation (it has GET)")]
    [InlineData(AlpacaSpecs.MarketData, "GET", "/v2/stocks/bar?symbols=AAPL&timeframe=1Day", "no path of market-data-api.json fits")]
    public void A_path_or_method_the_spec_does_not_have_is_rejected(string spec, string method, string pathAndQuery, string message)
    {
        ProblemAssert.Has(AlpacaSpecs.Named(spec).ValidateRequest(new HttpMethod(method), pathAndQuery, null), message);
    }

    [Theory]
    [InlineData("POST", "/v2/account")]
    [InlineData("GET", "/v2/order")]
    [InlineData("PUT", "/v2/orders/" + UsedOperations.OrderId)]
    [InlineData("GET", "/v2/accounts")]
    [InlineData("GET", "/v2/orders/" + UsedOperations.OrderId + "/legs")]
    public void An_unknown_path_or_method_has_no_operation(string method, string pathAndQuery)
    {
        Assert.Null(OpenApiContract.Trading.FindOperation(new HttpMethod(method), pathAndQuery));
    }

    [Fact]
    public void The_client_order_id_lookup_is_the_literal_colon_path_not_an_order_id()
    {
        var operation = OpenApiContract.Trading.FindOperation(HttpMethod.Get, "/v2/orders:by_client_order_id?client_order_id=alc-x-AAPL-buy-1");

        Assert.NotNull(operation);
        Assert.Equal("/v2/orders:by_client_order_id", operation.PathTemplate);
    }

    [Fact]
    public void Both_documents_are_the_expected_alpaca_apis()
    {
        Assert.Equal("Trading API", OpenApiContract.Trading.Title);
        Assert.Equal("Market Data API", OpenApiContract.MarketData.Title);
        Assert.Equal(64, OpenApiContract.Trading.Operations.Count);
        Assert.Equal(47, OpenApiContract.MarketData.Operations.Count);
    }
}
