using Alchemiser.Core.Brokerage;

namespace Alchemiser.Execution;

/// <summary>How far a fill is from the mid at arrival, in basis points; positive is worse for the account. Pure.</summary>
public static class Slippage
{
    /// <summary>Decimal places of a reported slippage.</summary>
    public const int Decimals = 2;

    /// <summary>
    /// (fill − mid) / mid × 10 000 for a buy, the negation for a sell, rounded to <see cref="Decimals"/> places (half away
    /// from zero); null without an arrival mid.
    /// </summary>
    public static decimal? BasisPoints(OrderSide side, decimal fillPrice, decimal? arrivalMid)
    {
        if (arrivalMid is not { } mid || mid <= 0m)
        {
            return null;
        }

        var buyView = (fillPrice - mid) / mid * 10_000m;
        return Math.Round(side == OrderSide.Buy ? buyView : -buyView, Decimals, MidpointRounding.AwayFromZero);
    }
}
