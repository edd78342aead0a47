using Alchemiser.Alpaca.ContractTests.OpenApi;
using Alchemiser.Alpaca.ContractTests.Support;

namespace Alchemiser.Alpaca.ContractTests.Alpaca;

/// <summary>Path and query parameters of the used operations, as Alpaca declares them.</summary>
public sealed class QueryParameterTests
{
    private static IReadOnlyList<ContractProblem> Trading(string pathAndQuery) =>
        OpenApiContract.Trading.ValidateRequest(HttpMethod.Get, pathAndQuery, null);

    private static IReadOnlyList<ContractProblem> MarketData(string pathAndQuery) =>
        OpenApiContract.MarketData.ValidateRequest(HttpMethod.Get, pathAndQuery, null);

    [Fact]
    public void The_client_order_id_lookup_needs_its_query_parameter()
    {
        ProblemAssert.Has(Trading("/v2/orders:by_client_order_id"), "required query parameter \"client_order_id\" is missing", "query/client_order_id");
        ProblemAssert.Has(Trading("/v2/orders:by_client_order_id?clientOrderId=x"), "unknown query parameter \"clientOrderId\" (did you mean \"client_order_id\"?)");
    }

    [Fact]
    public void An_order_id_in_the_path_must_be_a_uuid()
    {
        ProblemAssert.Has(Trading("/v2/orders/alc-x-AAPL-buy-1"), "\"alc-x-AAPL-buy-1\" is not a valid uuid", "path/order_id");
    }

    [Theory]
    [InlineData("/v2/orders?status=pending", "query/status", "\"pending\" is not one of the allowed values")]
    [InlineData("/v2/orders?limit=fifty", "query/limit", "expected integer, got string \"fifty\"")]
    [InlineData("/v2/orders?nested=1", "query/nested", "expected boolean")]
    [InlineData("/v2/orders?asset_class=us_equity,stocks", "query/asset_class/1", "\"stocks\" is not one of the allowed values")]
    [InlineData("/v2/orders?stauts=open", "query/stauts", "unknown query parameter \"stauts\" (did you mean \"status\"?)")]
    [InlineData("/v2/calendar?date_type=CALENDAR", "query/date_type", "not one of the allowed values")]
    [InlineData("/v2/calendar?start=01/02/2024", "query/start", "is not a valid date-time")]
    public void A_trading_query_that_breaks_the_declaration_fails(string pathAndQuery, string location, string message)
    {
        ProblemAssert.Has(Trading(pathAndQuery), message, location);
    }

    [Theory]
    [InlineData("/v2/stocks/bars?symbols=AAPL", "query/timeframe", "required query parameter \"timeframe\" is missing")]
    [InlineData("/v2/stocks/bars?timeframe=1Day", "query/symbols", "required query parameter \"symbols\" is missing")]
    [InlineData("/v2/stocks/bars?symbols=AAPL&timeframe=1Day&limit=0", "query/limit", "below the minimum 1")]
    [InlineData("/v2/stocks/bars?symbols=AAPL&timeframe=1Day&limit=10001", "query/limit", "above the maximum 10000")]
    [InlineData("/v2/stocks/bars?symbols=AAPL&timeframe=1Day&feed=nasdaq", "query/feed", "\"nasdaq\" is not one of the allowed values")]
    [InlineData("/v2/stocks/bars?symbols=AAPL&timeframe=1Day&sort=up", "query/sort", "not one of the allowed values")]
    [InlineData("/v2/stocks/bars?symbols=AAPL&timeframe=1Day&start=2024-13-01", "query/start", "is not a valid date-time")]
    [InlineData("/v2/stocks/bars?symbols=AAPL&timeframe=1Day&start=yesterday", "query/start", "is not a valid date-time")]
    [InlineData("/v2/stocks/bars?symbols=AAPL&timeframe=1Day&next_page_token=abc", "query/next_page_token", "unknown query parameter \"next_page_token\"")]
    [InlineData("/v2/stocks/bars?symbols=AAPL&timeframe=1Day&adjustments=all", "query/adjustments", "did you mean \"adjustment\"?")]
    [InlineData("/v2/stocks/quotes/latest?symbols=AAPL&feed=iex&feed=sip", "query/feed", "given 2 times")]
    [InlineData("/v2/stocks/quotes/latest?symbols=AAPL&feed=delayed", "query/feed", "not one of the allowed values")]
    [InlineData("/v2/stocks/trades/latest", "query/symbols", "required query parameter \"symbols\" is missing")]
    public void A_market_data_query_that_breaks_the_declaration_fails(string pathAndQuery, string location, string message)
    {
        ProblemAssert.Has(MarketData(pathAndQuery), message, location);
    }

    [Theory]
    [InlineData("/v2/stocks/bars?symbols=AAPL&timeframe=1Day&start=2024-01-03T00:00:00Z")]
    [InlineData("/v2/stocks/bars?symbols=AAPL&timeframe=1Day&start=2024-01-03T09:30:00-04:00")]
    [InlineData("/v2/stocks/bars?symbols=AAPL&timeframe=1Day&start=2024-01-03T01:02:03.123456789Z")]
    [InlineData("/v2/stocks/bars?symbols=AAPL&timeframe=1Day&start=2024-01-03&end=2024-01-04")]
    public void Bars_take_the_start_and_end_forms_the_spec_documents(string pathAndQuery)
    {
        ProblemAssert.None(MarketData(pathAndQuery));
    }

    [Fact]
    public void A_plus_in_an_offset_must_be_percent_encoded_or_the_server_reads_a_space()
    {
        ProblemAssert.None(MarketData("/v2/stocks/bars?symbols=AAPL&timeframe=1Day&start=2024-01-03T09:30:00%2B01:00"));
        ProblemAssert.Has(MarketData("/v2/stocks/bars?symbols=AAPL&timeframe=1Day&start=2024-01-03T09:30:00+01:00"), "is not a valid date-time", "query/start");
    }
}
