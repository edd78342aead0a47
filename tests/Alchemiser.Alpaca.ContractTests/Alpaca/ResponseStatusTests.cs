using Alchemiser.Alpaca.ContractTests.OpenApi;
using Alchemiser.Alpaca.ContractTests.Support;

namespace Alchemiser.Alpaca.ContractTests.Alpaca;

/// <summary>Statuses and bodies the client will meet, judged by what the used operations declare.</summary>
public sealed class ResponseStatusTests
{
    [Fact]
    public void Cancelling_one_order_answers_204_without_a_body()
    {
        ProblemAssert.None(OpenApiContract.Trading.ValidateResponse("deleteOrderByOrderID", 204, string.Empty));
        ProblemAssert.Has(OpenApiContract.Trading.ValidateResponse("deleteOrderByOrderID", 204, "{}"), "declares no body for status 204");
        ProblemAssert.Has(OpenApiContract.Trading.ValidateResponse("deleteOrderByOrderID", 200, string.Empty), "declares no response for status 200 and no default (it declares 204, 422)");
    }

    [Fact]
    public void Cancelling_all_orders_answers_207_with_one_status_per_order()
    {
        Assert.Equal(207, OpenApiContract.Trading.SuccessStatus("deleteAllOrders"));
        ProblemAssert.None(OpenApiContract.Trading.ValidateResponse(HttpMethod.Delete, "/v2/orders", 207, """[{"id":"61e69015-8549-4bfd-b9c3-01e75843f47d","status":200}]"""));
        ProblemAssert.Has(OpenApiContract.Trading.ValidateResponse(HttpMethod.Delete, "/v2/orders", 207, """{"id":"61e69015-8549-4bfd-b9c3-01e75843f47d","status":200}"""), "expected array, got object");
    }

    [Fact]
    public void A_status_the_spec_does_not_declare_is_reported()
    {
        ProblemAssert.Has(OpenApiContract.Trading.ValidateResponse("getAccount", 404, """{"code":40410000,"message":"not found"}"""), "getAccount declares no response for status 404");
    }

    [Fact]
    public void An_order_rejection_is_declared_without_a_body_schema()
    {
        Assert.Equal(["200", "403", "422"], OpenApiContract.Trading.ResponseStatuses("postOrder"));
        ProblemAssert.Has(OpenApiContract.Trading.ValidateResponse("postOrder", 403, """{"code":40310000,"message":"insufficient buying power"}"""), "declares no body for status 403");
    }

    [Fact]
    public void A_clock_with_a_missing_field_or_a_bad_timestamp_fails()
    {
        const string clock = """{"timestamp":"2024-11-29T12:58:00.123456789-05:00","is_open":true,"next_open":"2024-12-02T09:30:00-05:00","next_close":"2024-11-29T13:00:00-05:00"}""";

        ProblemAssert.None(OpenApiContract.Trading.ValidateResponse("LegacyClock", 200, clock));
        ProblemAssert.Has(OpenApiContract.Trading.ValidateResponse("LegacyClock", 200, clock.Replace("\"is_open\":true,", string.Empty, StringComparison.Ordinal)), "required property \"is_open\" is missing");
        ProblemAssert.Has(OpenApiContract.Trading.ValidateResponse("LegacyClock", 200, clock.Replace("2024-12-02T09:30:00-05:00", "2024-12-02 09:30", StringComparison.Ordinal)), "not a valid date-time", "response/next_open");
    }

    [Fact]
    public void A_latest_quote_map_checks_every_symbol()
    {
        const string quotes = """
            {"quotes":{"AAPL":{"t":"2024-01-03T20:59:59.9Z","ax":"V","ap":184.3,"as":2,"bx":"V","bp":184.2,"bs":3,"c":["R"],"z":"C"},
                       "SPY":{"t":"2024-01-03T20:59:59.9Z","ax":"V","ap":"468.8","as":2,"bx":"V","bp":468.7,"bs":3,"c":["R"],"z":"B"}}}
            """;

        var problem = Assert.Single(OpenApiContract.MarketData.ValidateResponse("StockLatestQuotes", 200, quotes));
        Assert.Equal("response/quotes/SPY/ap", problem.Location);
    }
}
