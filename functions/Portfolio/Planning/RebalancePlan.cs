using Alchemiser.Core.Brokerage;
using Alchemiser.Core.Events;

namespace Alchemiser.Portfolio.Planning;

/// <summary>
/// The trades that move the account to the target: sells (ordinal by symbol) before buys (ordinal by symbol),
/// blocked lines included; the differences deliberately left untraded; and the target-versus-current comparison of
/// every symbol held or targeted (ordinal by symbol). Weights are of <see cref="Capital"/>.
/// </summary>
/// <param name="Equity">The account equity the plan was built from.</param>
/// <param name="Capital">Deployable capital = equity × deployment fraction.</param>
/// <param name="Trades">The order lines, sells first.</param>
/// <param name="Skipped">Differences not traded, with their reasons (ordinal by symbol).</param>
/// <param name="Comparison">Target weight, current weight and dollar delta of every symbol held or targeted.</param>
public sealed record RebalancePlan(
    decimal Equity,
    decimal Capital,
    IReadOnlyList<PlannedTradeLine> Trades,
    IReadOnlyList<SkippedTrade> Skipped,
    IReadOnlyList<AllocationComparison> Comparison)
{
    /// <summary>Σ estimated notional of the sells that are not blocked.</summary>
    public decimal TotalSells => Total(OrderSide.Sell);

    /// <summary>Σ estimated notional of the buys that are not blocked.</summary>
    public decimal TotalBuys => Total(OrderSide.Buy);

    /// <summary>
    /// The plan as the <see cref="RebalancePlanned"/> payload. <c>BlockReason</c> carries the line's reason as is, so
    /// an unblocked capped line keeps its cap note; <c>Blocked</c> alone decides whether an order is placed.
    /// <paramref name="attribution"/> gives each line's strategy shares (see <see cref="TradeAttribution"/>).
    /// </summary>
    public RebalancePlanned ToEvent(string sessionId, DateOnly tradingDate, Func<PlannedTradeLine, IReadOnlyList<StrategyShare>> attribution)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sessionId);
        ArgumentNullException.ThrowIfNull(attribution);
        var trades = Trades
            .Select(t => new PlannedTrade(t.Symbol, t.Side.ToWire(), t.Quantity, t.EstimatedNotional, t.Blocked, t.Reason, attribution(t)))
            .ToList();
        return new RebalancePlanned(sessionId, tradingDate, Equity, Capital, trades, Comparison.ToList());
    }

    private decimal Total(OrderSide side)
    {
        var total = 0m;
        foreach (var trade in Trades)
        {
            if (trade.Side == side && !trade.Blocked)
            {
                total += trade.EstimatedNotional;
            }
        }

        return total;
    }
}
