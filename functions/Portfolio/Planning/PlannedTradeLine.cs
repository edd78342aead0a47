using Alchemiser.Core.Brokerage;
namespace Alchemiser.Portfolio.Planning;

/// <summary>
/// One order the plan would place. A blocked line stays in the plan so that the report shows what the risk checks
/// stopped; <see cref="Reason"/> says why it is blocked, or why an unblocked line was cut down (capped).
/// </summary>
/// <param name="Symbol">The ticker.</param>
/// <param name="Side">Buy or sell.</param>
/// <param name="Quantity">Shares, &gt; 0 (0 only when a buy is blocked for lack of a price).</param>
/// <param name="EstimatedPrice">The price the line was sized with; null when there is none.</param>
/// <param name="EstimatedNotional">Quantity × price, or the intended value when there is no price.</param>
/// <param name="TargetWeight">The symbol's target weight of the deployable capital.</param>
/// <param name="CurrentWeight">The position's current market value as a weight of the deployable capital.</param>
/// <param name="FullExit">True when the whole held quantity is sold because the symbol left the target.</param>
/// <param name="Blocked">True when a pre-trade check stops the order.</param>
/// <param name="Reason">Why the line is blocked or capped; null for a plain trade.</param>
public sealed record PlannedTradeLine(
    string Symbol,
    OrderSide Side,
    decimal Quantity,
    decimal? EstimatedPrice,
    decimal EstimatedNotional,
    decimal TargetWeight,
    decimal CurrentWeight,
    bool FullExit,
    bool Blocked,
    string? Reason);
