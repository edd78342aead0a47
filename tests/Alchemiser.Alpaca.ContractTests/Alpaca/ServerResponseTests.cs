using System.Text.Json.Nodes;
using Alchemiser.Alpaca.ContractTests.Session;
using Alchemiser.Alpaca.ContractTests.Support;

namespace Alchemiser.Alpaca.ContractTests.Alpaca;

/// <summary>
/// Every response the test server gave the client in a <see cref="ClientSession"/> fits Alpaca's contract: a
/// success against its operation's response schema for that status, an error against Alpaca's error body (the
/// documents declare error statuses without a body).
/// </summary>
[Collection(ClientSessionCollection.Name)]
public sealed class ServerResponseTests(ClientSessionFixture fixture)
{
    private ClientSession Session => fixture.Session;

    [Fact]
    public void Every_success_response_fits_the_response_schema_of_its_operation_and_status()
    {
        var successes = Session.Exchanges.Where(e => e.Status is >= 200 and < 300).ToList();

        var problems = ExchangeChecks.Lines(successes, ExchangeChecks.Response);

        Assert.Equal([200, 204, 207], successes.Select(e => e.Status).Distinct().Order());
        Assert.True(problems.Count == 0, "responses that break Alpaca's contract:\n" + string.Join('\n', problems));
    }

    [Fact]
    public void Every_used_operation_answered_with_success_at_least_once()
    {
        var answered = Session.Exchanges
            .Where(e => e.Status is >= 200 and < 300)
            .Select(e => ExchangeChecks.Operation(e)?.OperationId)
            .ToHashSet(StringComparer.Ordinal);

        var unanswered = UsedOperations.ByClient.Values.SelectMany(ids => ids).Except(answered!).ToList();

        Assert.True(unanswered.Count == 0, "used operations never answered with success: " + string.Join(", ", unanswered));
    }

    [Fact]
    public void Every_error_response_is_alpacas_error_body()
    {
        var errors = Session.Exchanges.Where(e => e.Status >= 400).ToList();

        var problems = ExchangeChecks.Lines(errors, ExchangeChecks.Response);

        Assert.Equal([403, 404, 422, 429, 500], errors.Select(e => e.Status).Distinct().Order());
        Assert.True(problems.Count == 0, "error responses that are not Alpaca's error body:\n" + string.Join('\n', problems));
    }

    [Fact]
    public void Only_the_refusals_and_faults_the_script_asks_for_are_errors()
    {
        var errors = Session.Exchanges.Where(e => e.Status >= 400).Select(e => (e.Method, Operation: ExchangeChecks.Operation(e)?.OperationId, e.Status)).ToList();

        Assert.Equal(
            [
                ("GET", "LegacyClock", 429),
                ("GET", "get-v2-assets-symbol_or_asset_id", 404),
                ("GET", "getAccount", 500),
                ("POST", "postOrder", 500),
                ("POST", "postOrder", 500),
                ("GET", "getOrderByClientOrderId", 404),
                ("POST", "postOrder", 403),
                ("POST", "postOrder", 422),
                ("POST", "postOrder", 422),
                ("GET", "getOrderByClientOrderId", 404),
                ("GET", "getOrderByOrderID", 404),
                ("DELETE", "deleteOrderByOrderID", 422),
            ],
            errors);
    }

    [Fact]
    public void A_success_body_that_breaks_the_schema_fails_the_check()
    {
        var order = Session.Exchanges.First(e => e.Method == "POST" && e.Status == 200);
        var json = JsonNode.Parse(order.ResponseBody)!.AsObject();

        ProblemAssert.None(ExchangeChecks.Response(order));
        ProblemAssert.Has(ExchangeChecks.Response(WithResponse(order, order.Status, Replaced(json, "qty", JsonValue.Create(5m)))), "expected string", "response/qty");
        ProblemAssert.Has(ExchangeChecks.Response(WithResponse(order, order.Status, Replaced(json, "side", JsonValue.Create("long")))), "not one of the allowed values", "response/side");
        ProblemAssert.Has(ExchangeChecks.Response(WithResponse(order, order.Status, Without(json, "time_in_force"))), "required property \"time_in_force\" is missing");
    }

    [Fact]
    public void A_cancel_all_body_of_the_wrong_shape_and_a_body_on_a_204_fail_the_check()
    {
        var cancelAll = Assert.Single(Session.Exchanges, e => e.Status == 207);
        var cancel = Session.Exchanges.First(e => e.Status == 204);

        ProblemAssert.None(ExchangeChecks.Response(cancel));
        ProblemAssert.Has(ExchangeChecks.Response(WithResponse(cancelAll, 207, cancelAll.ResponseBody.Replace("\"status\":200", "\"status\":\"200\"", StringComparison.Ordinal))), "expected integer");
        ProblemAssert.Has(ExchangeChecks.Response(WithResponse(cancel, 204, "{}")), "declares no body for status 204");
        ProblemAssert.Has(ExchangeChecks.Response(WithResponse(cancel, 200, string.Empty)), "declares no response for status 200");
    }

    [Fact]
    public void An_error_body_that_is_not_alpacas_fails_the_check()
    {
        var notFound = Session.Exchanges.First(e => e.Status == 404);

        ProblemAssert.None(ExchangeChecks.Response(notFound));
        ProblemAssert.Has(ExchangeChecks.Response(WithResponse(notFound, 404, """{"code":"40410000","message":"order not found"}""")), "expected integer", "code");
        ProblemAssert.Has(ExchangeChecks.Response(WithResponse(notFound, 404, """{"code":40410000,"msg":"order not found"}""")), "required property \"message\" is missing");
        ProblemAssert.Has(ExchangeChecks.Response(WithResponse(notFound, 404, """{"code":404,"message":"order not found"}""")), "below the minimum", "code");
        ProblemAssert.Has(ExchangeChecks.Response(WithResponse(notFound, 504, "<html><body>504 Gateway Time-out</body></html>")), "not valid JSON");
        ProblemAssert.Has(ExchangeChecks.Response(WithResponse(notFound, 0, string.Empty)), "status 0 is neither a success nor an error");
    }

    private static RecordedExchange WithResponse(RecordedExchange exchange, int status, string body) =>
        exchange with { Entry = exchange.Entry with { StatusCode = status, ResponseBody = body } };

    private static string Replaced(JsonObject json, string field, JsonNode value)
    {
        var copy = json.DeepClone().AsObject();
        copy[field] = value;
        return copy.ToJsonString();
    }

    private static string Without(JsonObject json, string field)
    {
        var copy = json.DeepClone().AsObject();
        copy.Remove(field);
        return copy.ToJsonString();
    }
}
