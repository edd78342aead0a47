using System.Globalization;
using Alchemiser.Core.Brokerage;
using Alchemiser.Core.Events;

namespace Alchemiser.Execution;

/// <summary>
/// A RebalancePlanned event checked and split for execution: the run's ids, the plan, and its unblocked sells and buys
/// in plan order, each with its client order ids. Blocked lines place no order and are left out.
/// </summary>
public sealed record ExecutionPlan(
    string CorrelationId,
    string EventId,
    RebalancePlanned Plan,
    IReadOnlyList<PlannedOrder> Sells,
    IReadOnlyList<PlannedOrder> Buys)
{
    /// <summary>Reads and checks the plan of <paramref name="envelope"/>.</summary>
    /// <exception cref="InvalidPlanException">The event is not a RebalancePlanned, or a line breaks the plan contract.</exception>
    public static ExecutionPlan From(EventEnvelope envelope, int limitSteps)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        if (!string.Equals(envelope.EventType, EventTypes.RebalancePlanned, StringComparison.Ordinal))
        {
            throw new InvalidPlanException($"execution handles {EventTypes.RebalancePlanned}, not {envelope.EventType} (event {envelope.EventId})");
        }

        RebalancePlanned plan;
        try
        {
            plan = envelope.PayloadAs<RebalancePlanned>();
        }
        catch (System.Text.Json.JsonException error)
        {
            throw new InvalidPlanException($"event {envelope.EventId} has a malformed RebalancePlanned payload: {error.Message}");
        }

        var sells = new List<PlannedOrder>();
        var buys = new List<PlannedOrder>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var trade in plan.Trades ?? [])
        {
            if (trade is null || trade.Blocked)
            {
                continue;
            }

            var order = Check(envelope, trade, limitSteps);
            if (!seen.Add(order.Ids.Market))
            {
                throw Invalid(envelope, trade, "appears twice; one plan trades a symbol once per side");
            }

            (order.Side == OrderSide.Sell ? sells : buys).Add(order);
        }

        return new ExecutionPlan(envelope.CorrelationId, envelope.EventId, plan, sells, buys);
    }

    private static PlannedOrder Check(EventEnvelope envelope, PlannedTrade trade, int limitSteps)
    {
        if (string.IsNullOrWhiteSpace(trade.Symbol))
        {
            throw new InvalidPlanException($"event {envelope.EventId} has a trade without a symbol");
        }

        if (!OrderSides.TryFromWire(trade.Side, out var side))
        {
            throw Invalid(envelope, trade, $"has side '{trade.Side}'; a trade is 'buy' or 'sell'");
        }

        if (trade.Quantity <= 0m)
        {
            throw Invalid(envelope, trade, $"has quantity {trade.Quantity.ToString(CultureInfo.InvariantCulture)}; an unblocked trade's quantity is above zero");
        }

        CheckAttribution(envelope, trade);
        try
        {
            return new PlannedOrder(trade, side, new ClientOrderIds(envelope.CorrelationId, trade.Symbol, side, limitSteps));
        }
        catch (ArgumentException error)
        {
            throw Invalid(envelope, trade, $"cannot be given client order ids: {error.Message}");
        }
    }

    private static void CheckAttribution(EventEnvelope envelope, PlannedTrade trade)
    {
        if (trade.Attribution is null || trade.Attribution.Count == 0)
        {
            throw Invalid(envelope, trade, "is attributed to no strategy");
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        var total = 0m;
        foreach (var share in trade.Attribution)
        {
            if (share is null || string.IsNullOrWhiteSpace(share.StrategyId) || !ids.Add(share.StrategyId) || share.Share < 0m)
            {
                throw Invalid(envelope, trade, "has an attribution without a strategy id, with a strategy twice, or with a negative share");
            }

            total += share.Share;
        }

        if (total <= 0m)
        {
            throw Invalid(envelope, trade, "has attribution shares that sum to zero");
        }
    }

    private static InvalidPlanException Invalid(EventEnvelope envelope, PlannedTrade trade, string problem) =>
        new($"event {envelope.EventId}: the {trade.Side} of {trade.Symbol} {problem}");
}
