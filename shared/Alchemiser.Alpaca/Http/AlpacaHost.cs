namespace Alchemiser.Alpaca.Http;

/// <summary>Which of Alpaca's two APIs a request goes to.</summary>
internal enum AlpacaHost
{
    /// <summary>The Trading API (<see cref="AlpacaOptions.TradingBaseUrl"/>).</summary>
    Trading,

    /// <summary>The Market Data API (<see cref="AlpacaOptions.DataBaseUrl"/>).</summary>
    MarketData,
}
