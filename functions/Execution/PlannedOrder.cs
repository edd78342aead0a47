using Alchemiser.Core.Brokerage;
using Alchemiser.Core.Events;

namespace Alchemiser.Execution;

/// <summary>One unblocked trade of a plan as execution sees it: the plan line, its side and its client order ids.</summary>
public sealed record PlannedOrder(PlannedTrade Trade, OrderSide Side, ClientOrderIds Ids)
{
    public string Symbol => Trade.Symbol;

    /// <summary>The side as events and the ledger spell it.</summary>
    public string SideText => Side.ToWire();

    /// <summary>The plan's price estimate (estimated notional ÷ quantity); null when the plan has none.</summary>
    public decimal? EstimatedPrice => Trade.Quantity > 0m && Trade.EstimatedNotional > 0m ? Trade.EstimatedNotional / Trade.Quantity : null;

    /// <summary>The trade's shares split by strategy, as <see cref="Alchemiser.Core.Trading.FillAttribution.Split"/> takes them.</summary>
    public IReadOnlyList<(string StrategyId, decimal ShareOfDelta)> Shares =>
        Trade.Attribution.Select(s => (s.StrategyId, s.Share)).ToList();
}
