namespace Alchemiser.Local.Synthetic;

/// <summary>T-bill funds: a small positive return every day, almost no volatility, never a down day.</summary>
internal sealed record CashProfile(decimal ReferencePrice, long BaseVolume, double AnnualYield)
    : TickerProfile(ReferencePrice, BaseVolume);
