namespace Alchemiser.Core.Brokerage;

/// <summary>The best bid and ask of a symbol at an instant. A zero price means the side has no quote.</summary>
public sealed record Quote(string Symbol, decimal Bid, decimal Ask, decimal BidSize, decimal AskSize, DateTimeOffset Timestamp)
{
    /// <summary>Both sides quoted and not crossed.</summary>
    public bool IsTwoSided => Bid > 0m && Ask > 0m && Ask >= Bid;

    /// <summary>(bid + ask) / 2; only meaningful when <see cref="IsTwoSided"/>.</summary>
    public decimal Mid => (Bid + Ask) / 2m;

    /// <summary>Ask − bid; only meaningful when <see cref="IsTwoSided"/>.</summary>
    public decimal Spread => Ask - Bid;
}
