using System.Reflection;
using System.Text.Json.Nodes;
using Alchemiser.Alpaca.ContractTests.Session;
using Alchemiser.Alpaca.ContractTests.Support;
using Alchemiser.Core.Brokerage;
using Alchemiser.Core.MarketData;

namespace Alchemiser.Alpaca.ContractTests.Alpaca;

/// <summary>
/// Every request the real client sent in a <see cref="ClientSession"/> against the test server, as the server's
/// journal has it, fits the operation of the API it was sent to; the operations reached are exactly the ones the
/// client is known to use; every public call of the client was driven.
/// </summary>
[Collection(ClientSessionCollection.Name)]
public sealed class ClientRequestTests(ClientSessionFixture fixture)
{
    private ClientSession Session => fixture.Session;

    [Fact]
    public void Every_request_reached_the_server_as_the_client_sent_it()
    {
        var differences = Session.Sent.Zip(Session.Journal)
            .Where(pair => (pair.First.Method, pair.First.PathAndQuery) != (pair.Second.Method, pair.Second.Path + pair.Second.Query)
                || !pair.Second.Authorized || pair.Second.ServerError is not null || pair.Second.StatusCode == 0)
            .Select(pair => $"sent {pair.First.Method} {pair.First.PathAndQuery}, journaled #{pair.Second.Sequence} {pair.Second.Method} {pair.Second.Path}{pair.Second.Query} "
                + $"(authorized: {pair.Second.Authorized}, status {pair.Second.StatusCode}, server error: {pair.Second.ServerError ?? "none"})")
            .ToList();

        Assert.Equal(Session.Sent.Count, Session.Journal.Count);
        Assert.True(differences.Count == 0, "requests the server did not get or serve as sent:\n" + string.Join('\n', differences));
    }

    [Fact]
    public void Every_request_the_client_sent_fits_its_operation_in_the_api_it_was_sent_to()
    {
        var problems = ExchangeChecks.Lines(Session.Exchanges, ExchangeChecks.Request);

        Assert.True(Session.Exchanges.Count >= 30, $"the session made only {Session.Exchanges.Count} requests");
        Assert.True(problems.Count == 0, "requests that break Alpaca's contract:\n" + string.Join('\n', problems));
    }

    [Fact]
    public void The_operations_the_client_reached_are_exactly_the_ones_it_is_known_to_use()
    {
        var unknown = Session.Exchanges.Where(e => ExchangeChecks.Operation(e) is null).Select(e => e.ToString()).ToList();
        Assert.True(unknown.Count == 0, "requests for no operation of the API they were sent to:\n" + string.Join('\n', unknown));

        foreach (var (api, spec) in new[] { (AlpacaApi.Trading, AlpacaSpecs.Trading), (AlpacaApi.MarketData, AlpacaSpecs.MarketData) })
        {
            var reached = Session.Exchanges.Where(e => e.Api == api).Select(e => ExchangeChecks.Operation(e)!.OperationId).ToHashSet(StringComparer.Ordinal);

            Assert.Equal(UsedOperations.ByClient[spec].Order(StringComparer.Ordinal), reached.Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public void Every_public_call_of_the_client_and_every_port_member_was_driven()
    {
        var calls = typeof(AlpacaClient).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => typeof(Task).IsAssignableFrom(m.ReturnType))
            .Select(m => m.Name)
            .ToHashSet(StringComparer.Ordinal);
        var ports = new[] { typeof(IBroker), typeof(IQuoteSource), typeof(IDailyBarSource) }
            .SelectMany(port => port.GetMethods())
            .Select(m => m.Name)
            .ToHashSet(StringComparer.Ordinal);

        Assert.True(calls.Count >= 16, $"found only {calls.Count} public calls on {nameof(AlpacaClient)}");
        Assert.Empty(ports.Except(calls));
        Assert.Equal(calls.Order(StringComparer.Ordinal), Session.MethodsDriven.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_session_sends_every_kind_of_order_and_pages_the_bars()
    {
        var posts = Bodies("POST", "/v2/orders");
        var patches = Bodies("PATCH", "/v2/orders/");
        var bars = Session.Exchanges.Where(e => e.Entry.Path == "/v2/stocks/bars").ToList();

        Assert.Contains(posts, o => Text(o, "type") == "limit" && Text(o, "side") == "buy" && IsWhole(Text(o, "qty")));
        Assert.Contains(posts, o => Text(o, "type") == "limit" && Text(o, "side") == "sell" && IsWhole(Text(o, "qty")));
        Assert.Contains(posts, o => Text(o, "type") == "market" && Text(o, "side") == "sell" && !IsWhole(Text(o, "qty")));
        Assert.Contains(posts, o => Text(o, "type") == "market" && IsWhole(Text(o, "qty")));
        Assert.Contains(posts, o => Text(o, "type") == "market" && !IsWhole(Text(o, "qty")));
        Assert.Contains(posts, o => Text(o, "type") == "market" && Text(o, "notional") is not null && Text(o, "qty") is null);
        Assert.Contains(patches, o => Text(o, "qty") is not null && Text(o, "limit_price") is not null);
        Assert.True(bars.Count >= 3, $"the bars came in {bars.Count} pages");
        Assert.DoesNotContain("page_token=", bars[0].Entry.Query, StringComparison.Ordinal);
        Assert.All(bars.Skip(1), page => Assert.Contains("page_token=", page.Entry.Query, StringComparison.Ordinal));
        Assert.Contains(Session.Exchanges, e => e.Entry.Path == "/v2/stocks/quotes/latest" && e.Entry.Query.Contains("SPY%2CQQQ%2CBRK.B%2CNOPE", StringComparison.Ordinal));
    }

    [Fact]
    public void A_path_the_spec_does_not_have_fails_the_check()
    {
        var account = First("GET", "/v2/account");

        ProblemAssert.None(ExchangeChecks.Request(account));
        ProblemAssert.Has(ExchangeChecks.Request(account.With(path: "/v2/acount")), "no path of trading-api.json fits GET /v2/acount", "operation");
        Assert.Null(ExchangeChecks.Operation(account.With(path: "/v2/acount")));
    }

    [Fact]
    public void A_method_the_spec_does_not_have_fails_the_check()
    {
        var clock = First("GET", "/v2/clock");
        var cancel = Session.Exchanges.First(e => e.Method == "DELETE" && e.Entry.Path.StartsWith("/v2/orders/", StringComparison.Ordinal));

        ProblemAssert.Has(ExchangeChecks.Request(clock.With(method: "POST")), "/v2/clock of trading-api.json has no POST operation (it has GET)", "operation");
        ProblemAssert.Has(ExchangeChecks.Request(cancel.With(method: "PUT")), "has no PUT operation (it has GET, DELETE, PATCH)", "operation");
        Assert.Null(ExchangeChecks.Operation(clock.With(method: "POST")));
    }

    [Fact]
    public void A_request_sent_to_the_other_api_fails_the_check()
    {
        var bars = Session.Exchanges.First(e => e.Entry.Path == "/v2/stocks/bars");
        var positions = First("GET", "/v2/positions");

        ProblemAssert.None(ExchangeChecks.Request(bars));
        ProblemAssert.Has(ExchangeChecks.Request(bars with { Api = AlpacaApi.Trading }), "no path of trading-api.json fits GET /v2/stocks/bars");
        ProblemAssert.Has(ExchangeChecks.Request(positions with { Api = AlpacaApi.MarketData }), "no path of market-data-api.json fits GET /v2/positions");
    }

    [Fact]
    public void A_body_where_the_operation_takes_none_fails_the_check()
    {
        var cancelAll = First("DELETE", "/v2/orders");

        ProblemAssert.None(ExchangeChecks.Request(cancelAll));
        ProblemAssert.Has(ExchangeChecks.Request(cancelAll.With(requestBody: "{}")), "deleteAllOrders takes no request body, but one was sent", "body");
    }

    private RecordedExchange First(string method, string path) =>
        Session.Exchanges.First(e => e.Method == method && e.Entry.Path == path);

    private List<JsonObject> Bodies(string method, string pathPrefix) =>
        [.. Session.Exchanges
            .Where(e => e.Method == method && e.Entry.Path.StartsWith(pathPrefix, StringComparison.Ordinal) && e.RequestBody is not null)
            .Select(e => (JsonObject)JsonNode.Parse(e.RequestBody!)!)];

    private static string? Text(JsonObject body, string field) => body[field]?.GetValue<string>();

    private static bool IsWhole(string? quantity) =>
        quantity is not null && decimal.Parse(quantity, System.Globalization.CultureInfo.InvariantCulture) % 1m == 0m;
}
