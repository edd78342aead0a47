using Alchemiser.Core.Trading;

namespace Alchemiser.Execution;

/// <summary>
/// The ledger rows of a run: one <see cref="LedgerFill"/> per broker order that is final and filled something, keyed
/// by the broker order id (so recording it again is recognised), its quantity split across the trade's strategies.
/// Pure.
/// </summary>
internal static class LedgerEntries
{
    public static IReadOnlyList<LedgerFill> For(ExecutionPlan plan, IEnumerable<TradeWalk> walks, DateTimeOffset recordedAt)
    {
        var fills = new List<LedgerFill>();
        foreach (var walk in walks)
        {
            foreach (var order in walk.Orders.Where(o => !o.IsOpen && o.FilledQuantity > 0m))
            {
                var price = order.FilledAveragePrice
                    ?? throw new InvalidOperationException($"order {order.Id} filled {order.FilledQuantity} shares but the broker gives no average price");
                fills.Add(new LedgerFill(
                    order.Id,
                    plan.CorrelationId,
                    plan.Plan.TradingDate,
                    walk.Symbol,
                    walk.Side == Core.Brokerage.OrderSide.Buy ? FillSides.Buy : FillSides.Sell,
                    order.FilledQuantity,
                    price,
                    order.ClientOrderId,
                    order.Id,
                    FillAttribution.Split(order.FilledQuantity, walk.Order.Shares),
                    order.FilledAt ?? order.UpdatedAt,
                    recordedAt));
            }
        }

        return fills;
    }
}
