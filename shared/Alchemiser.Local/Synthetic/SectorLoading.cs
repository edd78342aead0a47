namespace Alchemiser.Local.Synthetic;

/// <summary>One loading of an <see cref="EquityProfile"/> on a <see cref="SectorFactor"/>: the annual volatility it adds, negative for a ticker that moves against the factor.</summary>
internal readonly record struct SectorLoading(SectorFactor Factor, double AnnualVol);
