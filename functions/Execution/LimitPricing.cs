using Alchemiser.Core.Brokerage;
using Alchemiser.Core.MarketData;

namespace Alchemiser.Execution;

/// <summary>
/// The limit price of a step of the spread walk. Pure. A buy bids bid + f × spread, a sell offers ask − f × spread,
/// rounded to the tick toward the passive side (a buy down, a sell up), so a step never pays more than its fraction of
/// the spread. A quote that is not two-sided (a zero side, or crossed) or is older than the staleness limit is not used;
/// the last trade is used instead; with neither there is no limit price and the trade goes to market.
/// </summary>
public static class LimitPricing
{
    /// <summary>The tick of prices at or above $1.</summary>
    public const decimal PennyTick = 0.01m;

    /// <summary>The tick of prices below $1.</summary>
    public const decimal SubPennyTick = 0.0001m;

    /// <summary>The price increment the exchanges accept at <paramref name="price"/>.</summary>
    public static decimal TickSize(decimal price) => price >= 1m ? PennyTick : SubPennyTick;

    /// <summary><paramref name="price"/> on the tick grid: a buy rounded down, a sell rounded up.</summary>
    public static decimal RoundToTick(decimal price, OrderSide side)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(price);
        var tick = TickSize(price);
        var ticks = price / tick;
        return (side == OrderSide.Buy ? Math.Floor(ticks) : Math.Ceiling(ticks)) * tick;
    }

    /// <summary>Whether <paramref name="quote"/> can price an order at <paramref name="now"/>: two-sided, not crossed, not stale.</summary>
    public static bool IsUsable(Quote? quote, DateTimeOffset now, TimeSpan stalenessLimit) =>
        quote is { IsTwoSided: true } && now - quote.Timestamp <= stalenessLimit;

    /// <summary>
    /// The limit price of the step at <paramref name="fraction"/> of the spread, from the quote when it is usable, else
    /// from the last trade (a price above zero); null when there is neither.
    /// </summary>
    public static decimal? StepPrice(
        OrderSide side, decimal fraction, Quote? quote, LatestPrice? lastTrade, DateTimeOffset now, TimeSpan stalenessLimit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(fraction);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(fraction, 1m);
        if (IsUsable(quote, now, stalenessLimit))
        {
            var raw = side == OrderSide.Buy ? quote!.Bid + (fraction * quote.Spread) : quote!.Ask - (fraction * quote.Spread);
            return RoundToTick(raw, side);
        }

        return lastTrade is { Price: > 0m } ? RoundToTick(lastTrade.Price, side) : null;
    }
}
