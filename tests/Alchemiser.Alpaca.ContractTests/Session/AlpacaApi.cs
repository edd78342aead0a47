using Alchemiser.Alpaca.ContractTests.OpenApi;

namespace Alchemiser.Alpaca.ContractTests.Session;

/// <summary>Which of Alpaca's two APIs a request was sent to (the client's trading or market-data base URL).</summary>
public enum AlpacaApi
{
    /// <summary>The Trading API (<c>trading-api.json</c>).</summary>
    Trading,

    /// <summary>The Market Data API (<c>market-data-api.json</c>).</summary>
    MarketData,
}

/// <summary>The OpenAPI document of each API.</summary>
internal static class AlpacaApiContracts
{
    public static OpenApiContract Of(AlpacaApi api) => api switch
    {
        AlpacaApi.Trading => OpenApiContract.Trading,
        AlpacaApi.MarketData => OpenApiContract.MarketData,
        _ => throw new ArgumentOutOfRangeException(nameof(api), api, "trading or market data"),
    };
}
