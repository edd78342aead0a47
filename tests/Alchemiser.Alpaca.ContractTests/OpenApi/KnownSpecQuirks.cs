namespace Alchemiser.Alpaca.ContractTests.OpenApi;

/// <summary>
/// Where Alpaca's OpenAPI files are known to be wrong or self-contradictory, each with the reason. The validator
/// honours an entry only where it is listed; everywhere else the document is taken at its word. Tests check that
/// every entry still points at something in the document, so an upstream fix shows up as a failing entry to delete.
/// </summary>
public static class KnownSpecQuirks
{
    /// <summary>
    /// Query parameters declared <c>format: date-time</c> that Alpaca documents, and serves, as also taking a plain
    /// date (<c>YYYY-MM-DD</c>); the validator reads such a date as that day's midnight UTC. Keyed by the component the
    /// operations refer to.
    /// </summary>
    public static IReadOnlyList<SpecQuirk> DateAcceptedForDateTimeQueryParameter { get; } =
    [
        new(AlpacaContractFiles.MarketData, "#/components/parameters/start",
            "declared date-time, but its description says 'Format: RFC-3339 or YYYY-MM-DD' and its own examples include the date 2024-01-03"),
        new(AlpacaContractFiles.MarketData, "#/components/parameters/end",
            "declared date-time, but its description says 'Format: RFC-3339 or YYYY-MM-DD' and its own examples include the date 2024-01-04"),
        new(AlpacaContractFiles.Trading, "#/components/parameters/legacy_start",
            "declared date-time with x-go-type legacyTime, the server type that also parses dates; /v2/calendar is queried by date ('The first date to retrieve data for')"),
        new(AlpacaContractFiles.Trading, "#/components/parameters/legacy_end",
            "declared date-time with x-go-type legacyTime, the server type that also parses dates; /v2/calendar is queried by date ('The last date to retrieve data for')"),
    ];

    /// <summary>
    /// Response examples in the documents that do not validate against their own response schema, keyed
    /// <c>operationId status exampleName</c>. Example tests skip exactly these and assert that they still fail.
    /// </summary>
    public static IReadOnlyList<SpecQuirk> InvalidResponseExamples { get; } =
    [
        .. new[] { "Equity", "Options", "Crypto", "MultilegOptions", "IPO" }.Select(name => new SpecQuirk(AlpacaContractFiles.Trading, $"getAllOrders 200 {name}",
            "the 200 response is an array of Order, but its examples $ref the single-order examples (#/components/examples/*OrderResponse), each one Order object")),
        .. new[] { "postOrder", "getOrderByOrderID" }.Select(operationId => new SpecQuirk(AlpacaContractFiles.Trading, $"{operationId} 200 MultilegOptions",
            "#/components/examples/MultilegOptionsOrderResponse gives the multi-leg parent order empty strings for asset_id, symbol, asset_class and side, "
            + "and its legs an empty type; Order allows none of them (uuid, minLength 1, the AssetClass/OrderSide/OrderType enums). Only multi-leg option "
            + "orders are affected, which the project does not place")),
    ];
}
