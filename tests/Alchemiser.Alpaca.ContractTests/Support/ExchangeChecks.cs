using Alchemiser.Alpaca.ContractTests.OpenApi;
using Alchemiser.Alpaca.ContractTests.Session;

namespace Alchemiser.Alpaca.ContractTests.Support;

/// <summary>
/// The contract checks on a journaled exchange: its request against the operation of the API it was sent to, its
/// success response against that operation's response schema, its error response against Alpaca's error body.
/// </summary>
internal static class ExchangeChecks
{
    /// <summary>
    /// Alpaca's error body, <c>{"code": 40010001, "message": "..."}</c>: an eight-digit code and a message; other
    /// fields are allowed (Alpaca adds some to a 403, e.g. <c>buying_power</c>). The documents declare no error bodies.
    /// </summary>
    public const string ErrorBodySchema = """
        {"type":"object","required":["code","message"],
         "properties":{"code":{"type":"integer","minimum":10000000,"maximum":99999999},"message":{"type":"string","minLength":1}}}
        """;

    /// <summary>The operation the request targets in the document of its API, or null when that document has none.</summary>
    public static OpenApiOperation? Operation(RecordedExchange exchange) =>
        AlpacaApiContracts.Of(exchange.Api).FindOperation(new HttpMethod(exchange.Method), exchange.PathAndQuery);

    /// <summary>Every problem of the request (method, path and query, body) against the document of the API it was sent to.</summary>
    public static IReadOnlyList<ContractProblem> Request(RecordedExchange exchange) =>
        AlpacaApiContracts.Of(exchange.Api).ValidateRequest(new HttpMethod(exchange.Method), exchange.PathAndQuery, exchange.RequestBody);

    /// <summary>
    /// Every problem of the response: a 2xx body against its operation's schema for that status; a 4xx or 5xx body
    /// against <see cref="ErrorBodySchema"/>; any other status (none at all, 1xx, 3xx) is itself a problem.
    /// </summary>
    public static IReadOnlyList<ContractProblem> Response(RecordedExchange exchange) => exchange.Status switch
    {
        >= 200 and < 300 => AlpacaApiContracts.Of(exchange.Api).ValidateResponse(new HttpMethod(exchange.Method), exchange.PathAndQuery, exchange.Status, exchange.ResponseBody),
        >= 400 and < 600 => ErrorBody(exchange.ResponseBody),
        _ => [new ContractProblem("response", $"status {exchange.Status} is neither a success nor an error")],
    };

    /// <summary>Every problem of an error body against <see cref="ErrorBodySchema"/>.</summary>
    public static IReadOnlyList<ContractProblem> ErrorBody(string body)
    {
        try
        {
            return InlineSchema.Check(ErrorBodySchema, body);
        }
        catch (System.Text.Json.JsonException e)
        {
            return [new ContractProblem("response", $"not valid JSON: {e.Message}")];
        }
    }

    /// <summary>Each problem of each exchange as one line naming the exchange, for assertion messages.</summary>
    public static IReadOnlyList<string> Lines(IEnumerable<RecordedExchange> exchanges, Func<RecordedExchange, IReadOnlyList<ContractProblem>> check) =>
        [.. exchanges.SelectMany(e => check(e).Select(p => $"{e}: {p}"))];
}
