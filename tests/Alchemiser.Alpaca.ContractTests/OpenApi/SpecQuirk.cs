namespace Alchemiser.Alpaca.ContractTests.OpenApi;

/// <summary>
/// A known place where one of Alpaca's OpenAPI files disagrees with itself or with the live API, recorded instead of
/// weakening the validator: the file, where in it (a component pointer or <c>operationId status example</c>), and why.
/// </summary>
public sealed record SpecQuirk(string File, string Where, string Reason);
