using Alchemiser.Alpaca.ContractTests.OpenApi;

namespace Alchemiser.Alpaca.ContractTests.Support;

/// <summary>Alpaca's two documents by a short name test data can carry (<c>trading</c>, <c>market-data</c>).</summary>
internal static class AlpacaSpecs
{
    public const string Trading = "trading";

    public const string MarketData = "market-data";

    public static OpenApiContract Named(string spec) => spec switch
    {
        Trading => OpenApiContract.Trading,
        MarketData => OpenApiContract.MarketData,
        _ => throw new ArgumentOutOfRangeException(nameof(spec), spec, "trading or market-data"),
    };

    /// <summary>The document that has this operationId, or null when neither has it.</summary>
    public static OpenApiContract? Declaring(string operationId) =>
        new[] { OpenApiContract.Trading, OpenApiContract.MarketData }.FirstOrDefault(c => c.FindOperationById(operationId) is not null);
}
