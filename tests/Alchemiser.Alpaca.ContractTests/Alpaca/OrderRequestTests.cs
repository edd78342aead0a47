using Alchemiser.Alpaca.ContractTests.OpenApi;
using Alchemiser.Alpaca.ContractTests.Support;

namespace Alchemiser.Alpaca.ContractTests.Alpaca;

/// <summary>Order bodies against <c>postOrder</c> and <c>patchOrderByOrderId</c>: what the client sends passes, what it must never send fails.</summary>
public sealed class OrderRequestTests
{
    private static IReadOnlyList<ContractProblem> Post(string body) =>
        OpenApiContract.Trading.ValidateRequest(HttpMethod.Post, "/v2/orders", body);

    private static IReadOnlyList<ContractProblem> Patch(string body) =>
        OpenApiContract.Trading.ValidateRequest(HttpMethod.Patch, $"/v2/orders/{UsedOperations.OrderId}", body);

    [Fact]
    public void The_limit_order_the_client_sends_passes()
    {
        ProblemAssert.None(Post(UsedOperations.LimitOrder));
    }

    [Fact]
    public void The_spec_declares_qty_and_prices_as_strings()
    {
        var properties = OpenApiContract.Trading.Component("#/paths/~1v2~1orders/post/requestBody/content/application~1json/schema/properties");

        Assert.Equal("string", properties.GetProperty("qty").GetProperty("type").GetString());
        Assert.Equal("string", properties.GetProperty("limit_price").GetProperty("type").GetString());
        Assert.Equal("string", properties.GetProperty("notional").GetProperty("type").GetString());
    }

    [Fact]
    public void A_misspelt_field_fails()
    {
        var problems = Post(UsedOperations.LimitOrder.Replace("\"limit_price\"", "\"limitprice\"", StringComparison.Ordinal));

        var problem = Assert.Single(problems);
        Assert.Equal("body/limitprice", problem.Location);
        Assert.StartsWith("unknown property \"limitprice\" (did you mean \"limit_price\"?)", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_time_in_force_outside_the_enum_fails()
    {
        var problems = Post(UsedOperations.LimitOrder.Replace("\"time_in_force\":\"day\"", "\"time_in_force\":\"forever\"", StringComparison.Ordinal));

        ProblemAssert.Has(problems, "\"forever\" is not one of the allowed values", "body/time_in_force");
    }

    [Theory]
    [InlineData("\"side\":\"buy\"", "\"side\":\"long\"", "body/side", "not one of the allowed values")]
    [InlineData("\"type\":\"limit\"", "\"type\":\"LIMIT\"", "body/type", "not one of the allowed values")]
    [InlineData("\"qty\":\"1\"", "\"qty\":1", "body/qty", "expected string, got number 1")]
    [InlineData("\"limit_price\":\"187.10\"", "\"limit_price\":187.10", "body/limit_price", "expected string, got number 187.10")]
    [InlineData("\"time_in_force\":\"day\",", "", "body", "required property \"time_in_force\" is missing")]
    [InlineData("\"extended_hours\":false", "\"extended_hours\":\"false\"", "body/extended_hours", "expected boolean")]
    public void A_wrong_value_fails_where_it_is(string from, string to, string location, string message)
    {
        var body = UsedOperations.LimitOrder.Replace("\"symbol\"", "\"extended_hours\":false,\"symbol\"", StringComparison.Ordinal)
            .Replace(from, to, StringComparison.Ordinal);
        Assert.NotEqual(UsedOperations.LimitOrder, body);

        ProblemAssert.Has(Post(body), message, location);
    }

    [Fact]
    public void A_client_order_id_longer_than_128_characters_fails()
    {
        var body = UsedOperations.LimitOrder.Replace("alc-x-AAPL-buy-1", new string('x', 129), StringComparison.Ordinal);

        ProblemAssert.None(Post(UsedOperations.LimitOrder.Replace("alc-x-AAPL-buy-1", new string('x', 128), StringComparison.Ordinal)));
        ProblemAssert.Has(Post(body), "string of 129 characters is longer than maxLength 128", "body/client_order_id");
    }

    [Fact]
    public void A_nested_field_is_checked_with_the_same_strictness()
    {
        var bracket = UsedOperations.LimitOrder.Replace("}", ",\"order_class\":\"bracket\",\"take_profit\":{\"limit_price\":\"200\"},\"stop_loss\":{\"stop_price\":\"180\",\"limit\":\"179\"}}", StringComparison.Ordinal);

        var problem = Assert.Single(Post(bracket));
        Assert.Equal("body/stop_loss/limit", problem.Location);
    }

    [Fact]
    public void An_order_without_a_body_fails()
    {
        ProblemAssert.Has(Post(string.Empty), "postOrder requires a request body", "body");
    }

    [Fact]
    public void The_replacement_the_client_sends_passes_and_a_misspelt_one_fails()
    {
        ProblemAssert.None(Patch(UsedOperations.Replacement));
        ProblemAssert.Has(Patch(UsedOperations.Replacement.Replace("\"qty\"", "\"quantity\"", StringComparison.Ordinal)), "unknown property \"quantity\"", "body/quantity");
        ProblemAssert.Has(Patch("""{"symbol":"AAPL","limit_price":"187.20"}"""), "unknown property \"symbol\"", "body/symbol");
    }

    [Fact]
    public void The_spec_own_request_examples_pass()
    {
        var examples = OpenApiContract.Trading.Component("#/paths/~1v2~1orders/post/requestBody/content/application~1json/examples");
        var count = 0;
        foreach (var example in examples.EnumerateObject())
        {
            ProblemAssert.None(Post(example.Value.GetProperty("value").GetRawText()));
            count++;
        }

        Assert.True(count >= 4, $"postOrder has {count} request examples");
    }

    [Fact]
    public void A_body_on_a_read_fails()
    {
        ProblemAssert.Has(OpenApiContract.Trading.ValidateRequest(HttpMethod.Get, "/v2/account", "{}"), "getAccount takes no request body");
        ProblemAssert.Has(OpenApiContract.Trading.ValidateRequest(HttpMethod.Delete, "/v2/orders", "{}"), "deleteAllOrders takes no request body");
    }
}
