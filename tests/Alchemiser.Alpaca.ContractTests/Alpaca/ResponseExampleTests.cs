using Alchemiser.Alpaca.ContractTests.OpenApi;
using Alchemiser.Alpaca.ContractTests.Support;

namespace Alchemiser.Alpaca.ContractTests.Alpaca;

/// <summary>
/// The spec's own response examples for every used operation validate against the operation's success response
/// schema; the ones listed in <see cref="KnownSpecQuirks.InvalidResponseExamples"/> are upstream mistakes and must
/// still fail (so a fixed upstream file shows up as an entry to delete).
/// </summary>
public sealed class ResponseExampleTests
{
    /// <summary>spec, operationId, status, example name for every example of every used operation.</summary>
    public static TheoryData<string, string, int, string> Examples()
    {
        var rows = new TheoryData<string, string, int, string>();
        foreach (var (spec, operationId) in UsedOperations.Ids().Select(row => ((string)row[0]!, (string)row[1]!)))
        {
            var contract = AlpacaSpecs.Named(spec);
            if (contract.SuccessStatus(operationId) is not { } status)
            {
                continue;
            }

            foreach (var example in contract.Examples(operationId, status))
            {
                rows.Add(spec, operationId, status, example.Name);
            }
        }

        return rows;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void A_response_example_of_a_used_operation_validates_against_its_schema(string spec, string operationId, int status, string name)
    {
        var contract = AlpacaSpecs.Named(spec);
        var example = Assert.Single(contract.Examples(operationId, status), e => e.Name == name);

        var problems = contract.ValidateResponse(operationId, status, example.Value.GetRawText());

        if (KnownSpecQuirks.InvalidResponseExamples.Any(q => q.File == contract.Name && q.Where == $"{operationId} {status} {name}"))
        {
            Assert.True(problems.Count > 0, $"{operationId} {status} {name} is listed as an invalid upstream example but now validates: delete its KnownSpecQuirks entry");
        }
        else
        {
            ProblemAssert.None(problems);
        }
    }

    [Fact]
    public void The_used_operations_with_examples_are_the_expected_ones()
    {
        var withExamples = Examples().Select(row => (string)row[1]!).Distinct().Order(StringComparer.Ordinal);

        Assert.Equal(
            ["LegacyClock", "StockBarSingle", "StockBars", "StockLatestQuoteSingle", "StockLatestQuotes", "StockLatestTradeSingle", "StockLatestTrades",
             "getAccount", "getAllOrders", "getOrderByOrderID", "patchOrderByOrderId", "postOrder"],
            withExamples);
    }
}
