namespace Alchemiser.Local.Synthetic;

/// <summary>
/// VIX-futures products: daily return = <see cref="MarketBeta"/> × market shock (negative: up when the market
/// falls) + <see cref="VolBeta"/> × relative change of the market's volatility (which jumps after drops and
/// mean-reverts) − roll decay + noise, so they spike when the market falls and bleed the rest of the time.
/// </summary>
internal sealed record VolatilityProfile(decimal ReferencePrice, long BaseVolume, double MarketBeta, double VolBeta, double AnnualDecay, double NoiseVol)
    : TickerProfile(ReferencePrice, BaseVolume);
