using Alchemiser.Alpaca.ContractTests.Support;

namespace Alchemiser.Alpaca.ContractTests.Alpaca;

/// <summary>
/// Every response fixture the Alpaca tests use (see <see cref="ResponseFixtures"/>) is named for an operation of
/// Alpaca's documents and validates against that operation's success response schema.
/// </summary>
public sealed class ResponseFixtureTests
{
    public static TheoryData<string> Fixtures() => new(ResponseFixtures.All());

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void A_fixture_fits_the_success_response_of_the_operation_it_is_named_for(string fixture)
    {
        ProblemAssert.None(ResponseFixtures.Check(RepositoryLayout.PathOf(fixture)));
    }

    [Fact]
    public void Fixtures_are_found_and_this_projects_own_are_among_them()
    {
        var all = ResponseFixtures.All();
        var own = all.Where(f => f.StartsWith(ResponseFixtures.Folders[1], StringComparison.Ordinal)).ToList();

        Assert.True(own.Count >= 3, $"expected this project's own fixtures, found: {string.Join(", ", all)}");
    }

    [Theory]
    [InlineData("getOrderByClientOrderId.partially-filled.json", "getOrderByClientOrderId")]
    [InlineData("StockBars.json", "StockBars")]
    [InlineData("get-v2-assets-symbol_or_asset_id.fractionable.json", "get-v2-assets-symbol_or_asset_id")]
    public void A_fixture_is_named_for_its_operation_up_to_the_first_dot(string file, string operationId)
    {
        Assert.Equal(operationId, ResponseFixtures.OperationIdOf(Path.Combine("any", "folder", file)));
    }

    [Fact]
    public void A_fixture_named_for_no_operation_fails()
    {
        var problems = WithTemporaryFixture("getAcount.paper.json", """{"id":"1d9eed04-be39-4e01-9b84-a48ac5bbafcf","status":"ACTIVE"}""");

        ProblemAssert.Has(problems, "'getAcount' is not an operationId of trading-api.json or market-data-api.json");
    }

    [Fact]
    public void A_fixture_that_does_not_fit_its_operation_fails()
    {
        ProblemAssert.None(WithTemporaryFixture("getAccount.json", """{"id":"1d9eed04-be39-4e01-9b84-a48ac5bbafcf","status":"ACTIVE","cash":"100.5"}"""));
        ProblemAssert.Has(WithTemporaryFixture("getAccount.json", """{"id":"1d9eed04-be39-4e01-9b84-a48ac5bbafcf","status":"ACTIVE","cash":100.5}"""), "expected string", "response/cash");
        ProblemAssert.Has(WithTemporaryFixture("StockBars.json", """{"bars":{"AAPL":[]}}"""), "required property \"next_page_token\" is missing");
    }

    [Fact]
    public void A_cancel_all_fixture_is_checked_against_the_207_response()
    {
        ProblemAssert.None(WithTemporaryFixture("deleteAllOrders.json", """[{"id":"61e69015-8549-4bfd-b9c3-01e75843f47d","status":200}]"""));
        ProblemAssert.Has(WithTemporaryFixture("deleteAllOrders.json", """[{"id":"61e69015-8549-4bfd-b9c3-01e75843f47d","status":"200"}]"""), "expected integer", "response/0/status");
    }

    [Fact]
    public void A_fixture_for_an_operation_without_a_body_fails()
    {
        ProblemAssert.Has(WithTemporaryFixture("deleteOrderByOrderID.json", "{}"), "declares no body for status 204");
    }

    private static IReadOnlyList<OpenApi.ContractProblem> WithTemporaryFixture(string name, string content)
    {
        var folder = Directory.CreateTempSubdirectory("alpaca-fixture-");
        try
        {
            var file = Path.Combine(folder.FullName, name);
            File.WriteAllText(file, content);
            return ResponseFixtures.Check(file);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
