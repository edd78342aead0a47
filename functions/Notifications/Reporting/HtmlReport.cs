using System.Globalization;
using System.Net;
using System.Text;

namespace Alchemiser.Notifications.Reporting;

/// <summary>
/// Renders a <see cref="RunReport"/> as one self-contained HTML5 page: inline CSS, an inline SVG bar chart of the
/// consolidated target, no scripts and no external resources (so a browser has nothing to load and nothing to run, and
/// logs no console error). Every text from the events is HTML-escaped. A failed run opens with a boxed alert (failed
/// step, category, reason, what to do). Unlike the e-mail, no table is cut.
/// </summary>
public static class HtmlReport
{
    private const string Style =
        "body{font-family:-apple-system,'Segoe UI',Helvetica,Arial,sans-serif;color:#1d2733;margin:16px;max-width:760px}"
        + "h1{font-size:1.3em}h2{font-size:1.1em;border-bottom:1px solid #ccd3db;padding-bottom:2px;margin-top:1.6em}h3{font-size:1em}"
        + "table{border-collapse:collapse;margin:6px 0}th,td{padding:3px 10px 3px 0;text-align:left;vertical-align:top}"
        + "th{border-bottom:1px solid #ccd3db}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}"
        + ".run{color:#5b6773;font-size:.9em}.completed{color:#1e7b34}.skipped{color:#8a6d00}.failed,.blocked{color:#b3261e}"
        + ".hint{color:#36414c}.chart text{font-size:12px;fill:#1d2733}"
        + ".alert{border:2px solid #b3261e;background:#fdecea;padding:2px 14px 8px;margin:12px 0}.alert h2{color:#b3261e;border:0;margin-top:.6em}";

    /// <summary>The page.</summary>
    public static string Render(RunReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var title = report.Stage is null
            ? $"Alchemiser {ReportFormat.Date(report.TradingDate)}: {report.OutcomeText}"
            : $"Alchemiser {report.Stage} {ReportFormat.Date(report.TradingDate)}: {report.OutcomeText}";
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(E(title)).Append("</title>\n<style>").Append(Style).Append("</style>\n</head>\n<body>\n")
            .Append("<h1>").Append(E(title)).Append("</h1>\n")
            .Append("<p class=\"run\">Run ").Append(E(report.CorrelationId)).Append("</p>\n");
        Alert(report, html);
        Summary(report, html);
        Strategies(report, html);
        Target(report, html);
        Orders(report, html);
        Account(report, html);
        Failures(report, html);
        return html.Append("</body>\n</html>\n").ToString();
    }

    private static string E(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

    private static void Alert(RunReport report, StringBuilder html)
    {
        if (report.WorkflowFailure is not { } failure)
        {
            return;
        }

        html.Append("<div class=\"alert\">\n<h2>The run failed</h2>\n<table>\n")
            .Append("<tr><th>Failed step</th><td>").Append(E(failure.Source)).Append("</td></tr>\n")
            .Append("<tr><th>Category</th><td class=\"failed\">").Append(E(failure.Category)).Append("</td></tr>\n")
            .Append("<tr><th>Reason</th><td>").Append(E(failure.Reason)).Append("</td></tr>\n")
            .Append("<tr><th>What to do</th><td class=\"hint\">")
            .Append(string.IsNullOrWhiteSpace(failure.RemediationHint) ? "no hint given; look up the run id in the logs" : E(failure.RemediationHint))
            .Append("</td></tr>\n</table>\n</div>\n");
    }

    private static void Summary(RunReport report, StringBuilder html)
    {
        html.Append("<h2>Summary</h2>\n<table>\n");
        html.Append("<tr><th>Outcome</th><td class=\"").Append(report.OutcomeText).Append("\">").Append(report.OutcomeText).Append("</td></tr>\n");
        if (!string.IsNullOrEmpty(report.Reason))
        {
            html.Append("<tr><th>Reason</th><td>").Append(E(report.Reason)).Append("</td></tr>\n");
        }

        var failedStrategies = report.Failures.Count(f => f.Source.StartsWith("strategy ", StringComparison.Ordinal));
        if (report.Strategies.Count > 0 || failedStrategies > 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><th>Strategies</th><td>{report.Strategies.Count} used, {failedStrategies} failed</td></tr>\n");
        }

        if (report.Orders is { } orders)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><th>Orders</th><td>{orders.Placed} placed, {orders.Filled} filled, {orders.Failed} failed</td></tr>\n");
        }

        html.Append("</table>\n");
    }

    private static void Strategies(RunReport report, StringBuilder html)
    {
        if (report.Strategies.Count == 0)
        {
            return;
        }

        html.Append("<h2>Strategy allocations</h2>\n");
        foreach (var strategy in report.Strategies)
        {
            html.Append("<h3>").Append(E(strategy.StrategyId)).Append(": weight ").Append(ReportFormat.Percent(strategy.AllocationWeight))
                .Append(", effective ").Append(ReportFormat.Percent(strategy.EffectiveWeight)).Append("</h3>\n");
            html.Append("<table>\n<tr><th>Symbol</th><th class=\"n\">Weight</th></tr>\n");
            foreach (var weight in strategy.Weights)
            {
                html.Append("<tr><td>").Append(E(weight.Symbol)).Append("</td><td class=\"n\">").Append(ReportFormat.Percent(weight.Weight)).Append("</td></tr>\n");
            }

            html.Append("</table>\n");
        }
    }

    private static void Target(RunReport report, StringBuilder html)
    {
        if (report.Target.Count == 0)
        {
            return;
        }

        html.Append("<h2>Consolidated target</h2>\n").Append(AllocationChart.Svg(report.Target));
        html.Append("<table>\n<tr><th>Symbol</th><th class=\"n\">Target</th><th class=\"n\">Current</th><th class=\"n\">Delta</th></tr>\n");
        foreach (var row in report.Target)
        {
            html.Append("<tr><td>").Append(E(row.Symbol))
                .Append("</td><td class=\"n\">").Append(ReportFormat.Percent(row.TargetWeight))
                .Append("</td><td class=\"n\">").Append(row.CurrentWeight is { } current ? ReportFormat.Percent(current) : "-")
                .Append("</td><td class=\"n\">").Append(row.DeltaValue is { } delta ? ReportFormat.SignedMoney(delta) : "-")
                .Append("</td></tr>\n");
        }

        html.Append("</table>\n");
    }

    private static void Orders(RunReport report, StringBuilder html)
    {
        if (report.PlannedTrades.Count == 0 && report.Fills.Count == 0 && report.FailedOrders.Count == 0 && report.Orders is null)
        {
            return;
        }

        html.Append("<h2>Orders</h2>\n");
        if (report.PlannedTrades.Count > 0)
        {
            var status = new TradeStatus(report);
            html.Append("<h3>Planned trades</h3>\n<table>\n<tr><th>Side</th><th>Symbol</th><th class=\"n\">Qty</th><th class=\"n\">Est. notional</th><th>Status</th></tr>\n");
            foreach (var trade in report.PlannedTrades)
            {
                var state = status.Of(trade);
                html.Append("<tr><td>").Append(E(trade.Side)).Append("</td><td>").Append(E(trade.Symbol))
                    .Append("</td><td class=\"n\">").Append(ReportFormat.Quantity(trade.Quantity))
                    .Append("</td><td class=\"n\">").Append(ReportFormat.Money(trade.EstimatedNotional))
                    .Append(trade.Blocked ? "</td><td class=\"blocked\">" : "</td><td>").Append(state);
                if (trade.Blocked)
                {
                    html.Append(": ").Append(E(trade.BlockReason ?? "no reason given"));
                }

                html.Append("</td></tr>\n");
            }

            html.Append("</table>\n");
        }

        Fills(report, html);
        FailedOrders(report, html);
    }

    private static void Fills(RunReport report, StringBuilder html)
    {
        html.Append("<h3>Fills</h3>\n");
        if (report.Fills.Count == 0)
        {
            html.Append("<p>No fills.</p>\n");
            return;
        }

        html.Append("<table>\n<tr><th>Symbol</th><th>Side</th><th class=\"n\">Qty</th><th class=\"n\">Price</th><th class=\"n\">Notional</th><th class=\"n\">Slippage (bps)</th><th>Client order id</th></tr>\n");
        foreach (var fill in report.Fills)
        {
            html.Append("<tr><td>").Append(E(fill.Symbol)).Append("</td><td>").Append(E(fill.Side))
                .Append("</td><td class=\"n\">").Append(ReportFormat.Quantity(fill.Quantity))
                .Append("</td><td class=\"n\">").Append(ReportFormat.Money(fill.Price))
                .Append("</td><td class=\"n\">").Append(ReportFormat.Money(fill.Quantity * fill.Price))
                .Append("</td><td class=\"n\">").Append(ReportFormat.Bps(fill.SlippageBps))
                .Append("</td><td>").Append(E(fill.ClientOrderId)).Append("</td></tr>\n");
        }

        html.Append("</table>\n");
    }

    private static void FailedOrders(RunReport report, StringBuilder html)
    {
        if (report.FailedOrders.Count == 0)
        {
            return;
        }

        html.Append("<h3>Failed orders</h3>\n<table>\n<tr><th>Symbol</th><th>Side</th><th class=\"n\">Unfilled qty</th><th>Category</th><th>Reason</th></tr>\n");
        foreach (var failure in report.FailedOrders)
        {
            html.Append("<tr><td>").Append(E(failure.Symbol)).Append("</td><td>").Append(E(failure.Side))
                .Append("</td><td class=\"n\">").Append(ReportFormat.Quantity(failure.UnfilledQuantity))
                .Append("</td><td class=\"failed\">").Append(E(failure.Category))
                .Append("</td><td>").Append(E(failure.Reason)).Append("</td></tr>\n");
        }

        html.Append("</table>\n");
    }

    private static void Account(RunReport report, StringBuilder html)
    {
        if (report.AccountValueBefore is null && report.AccountValueAfter is null)
        {
            return;
        }

        html.Append("<h2>Account value</h2>\n<table>\n");
        html.Append("<tr><th>Before</th><td class=\"n\">").Append(report.AccountValueBefore is { } before ? ReportFormat.Money(before) : "-").Append("</td></tr>\n");
        html.Append("<tr><th>After</th><td class=\"n\">").Append(report.AccountValueAfter is { } after ? ReportFormat.Money(after) : "-").Append("</td></tr>\n");
        if (report.AccountValueBefore is { } b && report.AccountValueAfter is { } a)
        {
            html.Append("<tr><th>Change</th><td class=\"n\">").Append(ReportFormat.SignedMoney(a - b)).Append("</td></tr>\n");
        }

        html.Append("</table>\n");
    }

    private static void Failures(RunReport report, StringBuilder html)
    {
        if (report.Failures.Count == 0)
        {
            return;
        }

        html.Append("<h2>Failures</h2>\n<ul>\n");
        foreach (var failure in report.Failures)
        {
            html.Append("<li><strong class=\"failed\">[").Append(E(failure.Category)).Append("]</strong> ")
                .Append(E(failure.Source)).Append(": ").Append(E(failure.Reason));
            if (!string.IsNullOrWhiteSpace(failure.RemediationHint))
            {
                html.Append("<br><span class=\"hint\">Hint: ").Append(E(failure.RemediationHint)).Append("</span>");
            }

            html.Append("</li>\n");
        }

        html.Append("</ul>\n");
    }
}
