using Alchemiser.Alpaca.ContractTests.Session;
using Alchemiser.Alpaca.ContractTests.Support;

namespace Alchemiser.Alpaca.ContractTests.Alpaca;

/// <summary>
/// A deliberately wrong field name in a request the client really sent (taken from a <see cref="ClientSession"/>'s
/// journal) is reported: a body field or a query parameter renamed as a typo in the client would rename it.
/// </summary>
[Collection(ClientSessionCollection.Name)]
public sealed class MisnamedFieldTests(ClientSessionFixture fixture)
{
    private ClientSession Session => fixture.Session;

    [Fact]
    public void Limit_price_misspelt_in_a_limit_order_the_client_sent_is_reported()
    {
        var order = Session.Exchanges.First(e => e.Method == "POST" && e.RequestBody!.Contains("\"limit_price\"", StringComparison.Ordinal));

        ProblemAssert.None(ExchangeChecks.Request(order));
        var problem = Assert.Single(ExchangeChecks.Request(order.With(requestBody: Misspelling.RenameField(order.RequestBody!, "limit_price", "limitprice"))));
        Assert.Equal("body/limitprice", problem.Location);
        Assert.StartsWith("unknown property \"limitprice\" (did you mean \"limit_price\"?)", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Time_in_force_misspelt_in_a_market_order_the_client_sent_is_reported_and_the_real_one_is_missed()
    {
        var order = Session.Exchanges.First(e => e.Method == "POST" && e.RequestBody!.Contains("\"market\"", StringComparison.Ordinal));

        var problems = ExchangeChecks.Request(order.With(requestBody: Misspelling.RenameField(order.RequestBody!, "time_in_force", "timeinforce")));

        ProblemAssert.Has(problems, "unknown property \"timeinforce\" (did you mean \"time_in_force\"?)", "body/timeinforce");
        ProblemAssert.Has(problems, "required property \"time_in_force\" is missing", "body");
    }

    [Fact]
    public void Qty_misspelt_in_the_replacement_the_client_sent_is_reported()
    {
        var replace = Session.Exchanges.First(e => e.Method == "PATCH");

        ProblemAssert.None(ExchangeChecks.Request(replace));
        ProblemAssert.Has(ExchangeChecks.Request(replace.With(requestBody: Misspelling.RenameField(replace.RequestBody!, "qty", "quantity"))), "unknown property \"quantity\"", "body/quantity");
    }

    [Fact]
    public void Every_field_of_every_body_the_client_sent_misspelt_is_reported()
    {
        var writes = Session.Exchanges.Where(e => e.RequestBody is not null).ToList();
        var missed = new List<string>();
        foreach (var write in writes)
        {
            foreach (var field in Misspelling.Fields(write.RequestBody!))
            {
                var typo = Misspelling.Of(field);
                var problems = ExchangeChecks.Request(write.With(requestBody: Misspelling.RenameField(write.RequestBody!, field, typo)));
                if (!problems.Any(p => p.Location == "body/" + typo && p.Message.StartsWith($"unknown property \"{typo}\"", StringComparison.Ordinal)))
                {
                    missed.Add($"{write}: {field} -> {typo} gave [{string.Join(" | ", problems)}]");
                }
            }
        }

        Assert.True(writes.Count >= 9, $"only {writes.Count} request bodies in the session");
        Assert.True(missed.Count == 0, "misspelt fields not reported:\n" + string.Join('\n', missed));
    }

    [Fact]
    public void Symbols_misspelt_on_the_latest_quotes_request_the_client_sent_is_reported()
    {
        var quotes = Assert.Single(Session.Exchanges, e => e.Entry.Path == "/v2/stocks/quotes/latest");

        var problems = ExchangeChecks.Request(quotes.With(query: Misspelling.RenameParameter(quotes.Entry.Query, "symbols", "symbol")));

        ProblemAssert.None(ExchangeChecks.Request(quotes));
        ProblemAssert.Has(problems, "unknown query parameter \"symbol\" (did you mean \"symbols\"?)", "query/symbol");
        ProblemAssert.Has(problems, "required query parameter \"symbols\" is missing", "query/symbols");
    }

    [Fact]
    public void Every_query_parameter_the_client_sent_misspelt_is_reported()
    {
        var queried = Session.Exchanges.Where(e => e.Entry.Query.Length > 1).ToList();
        var missed = new List<string>();
        var checkedNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var request in queried)
        {
            foreach (var name in Misspelling.Parameters(request.Entry.Query))
            {
                var typo = Misspelling.Of(name);
                var problems = ExchangeChecks.Request(request.With(query: Misspelling.RenameParameter(request.Entry.Query, name, typo)));
                checkedNames.Add(name);
                if (!problems.Any(p => p.Location == "query/" + typo && p.Message.StartsWith($"unknown query parameter \"{typo}\"", StringComparison.Ordinal)))
                {
                    missed.Add($"{request}: {name} -> {typo} gave [{string.Join(" | ", problems)}]");
                }
            }
        }

        Assert.Empty(new[] { "symbols", "feed", "timeframe", "start", "end", "limit", "adjustment", "sort", "page_token", "status", "client_order_id" }.Except(checkedNames));
        Assert.True(missed.Count == 0, "misspelt query parameters not reported:\n" + string.Join('\n', missed));
    }
}
