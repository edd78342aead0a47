namespace Alchemiser.Local.Synthetic;

/// <summary>
/// Common factors beside the market factor: tickers loading on the same factor move together beyond their market
/// beta (semiconductors with technology, TLT with IEF, XLE with USO). Each factor is one standard normal per day.
/// </summary>
internal enum SectorFactor
{
    Technology,
    Semiconductors,
    SmallCaps,
    Financials,
    Health,
    Biotech,
    Energy,
    Rates,
    Credit,
    Gold,
    Dollar,
}
