using System.Globalization;
using System.Text;
using Alchemiser.Core.Brokerage;
using Alchemiser.Core.Events;
using Alchemiser.Core.Hosting;

namespace Alchemiser.Execution;

/// <summary>
/// What a run of execution tells the rest of the workflow. Pure. <see cref="TradeExecuted"/> counts the distinct broker
/// orders placed or adopted, the trades completely filled and the trades with a failure, lists one fill per order that
/// filled (slippage against the arrival mid) and one failure per trade left short of its quantity.
/// </summary>
internal static class ExecutionReport
{
    /// <summary>The category of every order failure.</summary>
    public const string TradingCategory = "trading";

    public const string FailureHint =
        "check buying power and the broker's orders for the symbols named; the next run's plan rebalances what was left unfilled";

    public static TradeExecuted TradeExecuted(ExecutionPlan plan, IReadOnlyList<TradeWalk> walks, decimal equityAfter)
    {
        var fills = new List<ExecutedFill>();
        var failures = new List<OrderFailure>();
        var filledTrades = 0;
        foreach (var walk in walks)
        {
            foreach (var order in walk.Orders.Where(o => !o.IsOpen && o.FilledQuantity > 0m))
            {
                var price = order.FilledAveragePrice!.Value;
                fills.Add(new ExecutedFill(
                    walk.Symbol, walk.Order.SideText, order.FilledQuantity, price, order.ClientOrderId, order.Id,
                    Slippage.BasisPoints(walk.Side, price, walk.ArrivalMid)));
            }

            if (walk.Unfilled > 0m)
            {
                failures.Add(new OrderFailure(walk.Symbol, walk.Order.SideText, walk.Unfilled, TradingCategory, FailureReason(walk)));
            }
            else
            {
                filledTrades++;
            }
        }

        return new TradeExecuted(
            plan.Plan.SessionId,
            plan.Plan.TradingDate,
            walks.Sum(w => w.Orders.Count()),
            filledTrades,
            failures.Count,
            fills,
            failures,
            plan.Plan.Equity,
            equityAfter);
    }

    /// <summary>The run's end when no order failed.</summary>
    public static WorkflowCompleted Completed(ExecutionPlan plan) =>
        new(plan.Plan.TradingDate, "completed", null, plan.Plan.SessionId);

    /// <summary>The run's end when some trades were left short: a one-line reason naming them.</summary>
    public static WorkflowFailed Failed(ExecutionPlan plan, TradeExecuted report, int trades)
    {
        var named = string.Join("; ", report.FailedOrders.Select(f =>
            string.Create(CultureInfo.InvariantCulture, $"{f.Symbol} {f.Side} {f.UnfilledQuantity} unfilled ({f.Reason})")));
        var reason = OneLine(string.Create(CultureInfo.InvariantCulture, $"{report.OrdersFailed} of {trades} trades did not fully execute: {named}"));
        return new WorkflowFailed(plan.Plan.TradingDate, plan.Plan.SessionId, TradingCategory, reason, EventSources.Execution, [], FailureHint);
    }

    private static string FailureReason(TradeWalk walk)
    {
        if (walk.Failures.Count > 0)
        {
            return OneLine(string.Join("; ", walk.Failures.Distinct(StringComparer.Ordinal)));
        }

        var last = walk.Orders.LastOrDefault(o => o.FilledQuantity < o.Quantity && o.Status != OrderStatus.Replaced);
        return last is null
            ? "no order filled the rest"
            : OneLine($"order {last.ClientOrderId} ended {last.Status.ToString().ToLowerInvariant()}{(last.RejectReason is { } why ? ": " + why : "")}");
    }

    /// <summary>The text with every line break and control character turned into a space.</summary>
    public static string OneLine(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(char.IsControl(c) ? ' ' : c);
        }

        return builder.ToString();
    }
}
