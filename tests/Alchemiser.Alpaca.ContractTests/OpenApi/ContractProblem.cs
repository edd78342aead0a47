namespace Alchemiser.Alpaca.ContractTests.OpenApi;

/// <summary>
/// One way a request or response departs from the OpenAPI contract: where (a JSON-pointer-like location such as
/// <c>body/legs/0/side</c>, <c>query/limit</c> or <c>response/bars/AAPL/0/t</c>) and what, in words.
/// </summary>
public sealed record ContractProblem(string Location, string Message)
{
    /// <inheritdoc />
    public override string ToString() => Location.Length == 0 ? Message : $"{Location}: {Message}";
}
