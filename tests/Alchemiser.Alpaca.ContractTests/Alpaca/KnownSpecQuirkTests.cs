using Alchemiser.Alpaca.ContractTests.OpenApi;
using Alchemiser.Alpaca.ContractTests.Support;

namespace Alchemiser.Alpaca.ContractTests.Alpaca;

/// <summary>Every recorded quirk still points at something real in the documents, and each is honoured exactly where it is listed.</summary>
public sealed class KnownSpecQuirkTests
{
    private static OpenApiContract ByFile(string file) => file switch
    {
        AlpacaContractFiles.Trading => OpenApiContract.Trading,
        AlpacaContractFiles.MarketData => OpenApiContract.MarketData,
        _ => throw new ArgumentOutOfRangeException(nameof(file), file, "not an Alpaca document"),
    };

    [Fact]
    public void Every_date_for_date_time_entry_is_a_date_time_query_parameter_of_its_document()
    {
        Assert.NotEmpty(KnownSpecQuirks.DateAcceptedForDateTimeQueryParameter);
        foreach (var quirk in KnownSpecQuirks.DateAcceptedForDateTimeQueryParameter)
        {
            var parameter = ByFile(quirk.File).Component(quirk.Where);

            Assert.Equal("query", parameter.GetProperty("in").GetString());
            Assert.Equal("date-time", parameter.GetProperty("schema").GetProperty("format").GetString());
            Assert.False(string.IsNullOrWhiteSpace(quirk.Reason));
        }
    }

    [Fact]
    public void A_date_passes_for_a_listed_date_time_parameter_and_fails_for_one_that_is_not_listed()
    {
        ProblemAssert.None(OpenApiContract.Trading.ValidateRequest(HttpMethod.Get, "/v2/calendar?start=2024-01-03", null));
        ProblemAssert.None(OpenApiContract.MarketData.ValidateRequest(HttpMethod.Get, "/v2/stocks/bars?symbols=AAPL&timeframe=1Day&end=2024-01-03", null));

        ProblemAssert.Has(OpenApiContract.Trading.ValidateRequest(HttpMethod.Get, "/v3/clock?time=2024-01-03", null), "\"2024-01-03\" is not a valid date-time", "query/time");
        ProblemAssert.None(OpenApiContract.Trading.ValidateRequest(HttpMethod.Get, "/v3/clock?time=2024-01-03T15:30:00-05:00", null));
    }

    [Fact]
    public void A_listed_date_time_parameter_still_rejects_what_is_neither_a_date_nor_a_date_time()
    {
        ProblemAssert.Has(OpenApiContract.Trading.ValidateRequest(HttpMethod.Get, "/v2/calendar?start=2024-02-30", null), "is not a valid date-time", "query/start");
        ProblemAssert.Has(OpenApiContract.MarketData.ValidateRequest(HttpMethod.Get, "/v2/stocks/bars?symbols=AAPL&timeframe=1Day&start=20240103", null), "is not a valid date-time", "query/start");
    }

    [Fact]
    public void Every_invalid_example_entry_names_an_example_that_exists_and_still_fails()
    {
        Assert.NotEmpty(KnownSpecQuirks.InvalidResponseExamples);
        foreach (var quirk in KnownSpecQuirks.InvalidResponseExamples)
        {
            var parts = quirk.Where.Split(' ', 3);
            var contract = ByFile(quirk.File);
            var status = int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
            var example = Assert.Single(contract.Examples(parts[0], status), e => e.Name == parts[2]);

            Assert.NotEmpty(contract.ValidateResponse(parts[0], status, example.Value.GetRawText()));
            Assert.False(string.IsNullOrWhiteSpace(quirk.Reason));
        }
    }
}
