namespace Alchemiser.Portfolio.Planning;

/// <summary>The direction of a planned trade. On the wire (<c>PlannedTrade.Side</c>) it is <c>buy</c> or <c>sell</c>.</summary>
public enum TradeSide
{
    /// <summary>Sell shares of a held position (reduce or exit).</summary>
    Sell,

    /// <summary>Buy shares (open or add to a position).</summary>
    Buy,
}
