using System.Text;

namespace Alchemiser.Notifications.Reporting;

/// <summary>
/// The run's CSV files: RFC 4180 (fields holding a comma, quote or line break are quoted, quotes doubled), decimals
/// exactly as in the events with invariant culture, <c>\n</c> line ends, a header even when there are no rows.
/// </summary>
public static class CsvReports
{
    /// <summary>The header of <see cref="Orders"/>.</summary>
    public const string OrdersHeader = "symbol,side,quantity,price,notional,client_order_id,order_id,slippage_bps";

    /// <summary>The header of the second section of <see cref="Orders"/>, the failed orders.</summary>
    public const string FailedOrdersHeader = "symbol,side,unfilled_quantity,category,reason";

    /// <summary>The header of the first section of <see cref="Allocations"/>.</summary>
    public const string AllocationsHeader = "symbol,target_weight,current_weight,delta_value";

    /// <summary>The header of the second section of <see cref="Allocations"/>.</summary>
    public const string StrategyAllocationsHeader = "strategy_id,allocation_weight,effective_weight,symbol,weight";

    /// <summary>
    /// Two sections separated by one empty line, like <see cref="Allocations"/>. First one row per fill, in execution
    /// order; <c>notional</c> is quantity × price; <c>order_id</c> and <c>slippage_bps</c> are empty when unknown. Then,
    /// under <see cref="FailedOrdersHeader"/>, one row per order that did not (fully) fill, in execution order, with the
    /// quantity left unfilled, the error category and the reason (a partly filled order has rows in both sections). The
    /// second section is left out when no order failed. Blocked planned trades were never orders and are not listed.
    /// </summary>
    public static string Orders(RunReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var csv = new StringBuilder(OrdersHeader).Append('\n');
        foreach (var fill in report.Fills)
        {
            Row(csv, fill.Symbol, fill.Side, ReportFormat.Exact(fill.Quantity), ReportFormat.Exact(fill.Price), ReportFormat.Exact(fill.Quantity * fill.Price), fill.ClientOrderId, fill.OrderId ?? string.Empty, ReportFormat.Exact(fill.SlippageBps));
        }

        if (report.FailedOrders.Count > 0)
        {
            csv.Append('\n').Append(FailedOrdersHeader).Append('\n');
            foreach (var failure in report.FailedOrders)
            {
                Row(csv, failure.Symbol, failure.Side, ReportFormat.Exact(failure.UnfilledQuantity), failure.Category, failure.Reason);
            }
        }

        return csv.ToString();
    }

    /// <summary>
    /// Two sections separated by one empty line. First the consolidated target, one row per symbol as in
    /// <see cref="RunReport.Target"/> (weights are fractions; <c>current_weight</c> and <c>delta_value</c> are empty
    /// when the run was not planned). Then, under <see cref="StrategyAllocationsHeader"/>, one row per strategy and
    /// symbol of its own allocation. The second section is left out when the run has no strategy allocations.
    /// </summary>
    public static string Allocations(RunReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var csv = new StringBuilder(AllocationsHeader).Append('\n');
        foreach (var row in report.Target)
        {
            Row(csv, row.Symbol, ReportFormat.Exact(row.TargetWeight), ReportFormat.Exact(row.CurrentWeight), ReportFormat.Exact(row.DeltaValue));
        }

        if (report.Strategies.Count > 0)
        {
            csv.Append('\n').Append(StrategyAllocationsHeader).Append('\n');
            foreach (var strategy in report.Strategies)
            {
                foreach (var weight in strategy.Weights)
                {
                    Row(csv, strategy.StrategyId, ReportFormat.Exact(strategy.AllocationWeight), ReportFormat.Exact(strategy.EffectiveWeight), weight.Symbol, ReportFormat.Exact(weight.Weight));
                }
            }
        }

        return csv.ToString();
    }

    private static void Row(StringBuilder csv, params string[] fields)
    {
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0)
            {
                csv.Append(',');
            }

            var field = fields[i];
            if (field.AsSpan().IndexOfAny(",\"\r\n") >= 0)
            {
                csv.Append('"').Append(field.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
            else
            {
                csv.Append(field);
            }
        }

        csv.Append('\n');
    }
}
