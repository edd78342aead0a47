namespace Alchemiser.Local.Synthetic;

/// <summary>
/// Stocks, stock and bond ETFs, commodities: daily return = drift + beta × market shock + sector shocks +
/// idiosyncratic shock (scaled with the market's volatility regime).
/// </summary>
internal sealed record EquityProfile(
    decimal ReferencePrice,
    long BaseVolume,
    double AnnualDrift,
    double MarketBeta,
    double IdiosyncraticVol,
    IReadOnlyList<SectorLoading> Sectors) : TickerProfile(ReferencePrice, BaseVolume);
