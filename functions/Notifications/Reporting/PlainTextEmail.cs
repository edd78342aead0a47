using System.Globalization;
using System.Text;

namespace Alchemiser.Notifications.Reporting;

/// <summary>
/// Renders a <see cref="RunReport"/> as the plain-text e-mail SNS sends: a one-line ASCII subject and a body of short
/// lines (at most 78 characters where the content allows) in aligned columns. A failed run opens with an alert
/// section (failed step, category, reason, what to do); then come summary, strategy allocations, consolidated target,
/// orders (planned trades, fills with slippage, failed orders with the reason), account value and failures. The
/// body stays within <see cref="MaxBodyBytes"/>: tables are cut with a "… N more rows (see the HTML report)" line.
/// </summary>
public static class PlainTextEmail
{
    /// <summary>The SNS message limit: 256 KB of UTF-8.</summary>
    public const int MaxBodyBytes = 256 * 1024;

    /// <summary>SNS subjects must be shorter than 100 characters.</summary>
    public const int MaxSubjectLength = 99;

    private const int Width = 78;

    /// <summary>Row limits per table, tried in turn until the body fits.</summary>
    private static readonly int[] RowLimits = [int.MaxValue, 2000, 1000, 500, 200, 100, 50, 20, 10];

    /// <summary>
    /// The subject and body. The subject is ASCII (SNS rejects other subjects): <c>Alchemiser dev 2025-06-30: completed -
    /// 3 strategies, 7 orders</c> (with <c>, 1 failed</c> when orders failed), <c>… FAILED: trading error</c> or
    /// <c>… skipped: market closed</c>.
    /// </summary>
    public static (string Subject, string Body) Render(RunReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        foreach (var limit in RowLimits)
        {
            var body = Body(report, limit);
            if (Encoding.UTF8.GetByteCount(body) <= MaxBodyBytes)
            {
                return (Subject(report), body);
            }
        }

        // Unreachable in practice: with at most 10 rows a table and every free text cut to 1,000 characters (cells to
        // 24, ids to 70), the body stays far below the limit whatever the events hold.
        return (Subject(report), Body(report, RowLimits[^1]));
    }

    /// <summary>The subject line alone.</summary>
    public static string Subject(RunReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var what = report.Outcome switch
        {
            RunOutcome.Failed => $"FAILED: {report.Failures.FirstOrDefault()?.Category ?? "unknown"} error",
            RunOutcome.Skipped => $"skipped: {report.Reason}",
            _ => string.Create(
                CultureInfo.InvariantCulture,
                $"completed - {report.Strategies.Count} {Plural(report.Strategies.Count, "strategy", "strategies")}, {OrderCount(report)} {Plural(OrderCount(report), "order", "orders")}{FailedOrderCount(report)}"),
        };
        var subject = new StringBuilder();
        foreach (var c in $"{Title(report)}: {ReportFormat.OneLine(what)}")
        {
            subject.Append(c is >= ' ' and <= '~' ? c : '?');
        }

        return subject.Length <= MaxSubjectLength ? subject.ToString() : subject.ToString(0, MaxSubjectLength - 3) + "...";
    }

    private static string Title(RunReport report) =>
        report.Stage is null
            ? $"Alchemiser {ReportFormat.Date(report.TradingDate)}"
            : $"Alchemiser {ReportFormat.OneLine(report.Stage, 20)} {ReportFormat.Date(report.TradingDate)}";

    private static int OrderCount(RunReport report) => report.Orders?.Placed ?? report.PlannedTrades.Count(t => !t.Blocked);

    private static string FailedOrderCount(RunReport report) =>
        report.Orders is { Failed: > 0 } orders ? string.Create(CultureInfo.InvariantCulture, $", {orders.Failed} failed") : string.Empty;

    private static string Plural(int count, string one, string many) => count == 1 ? one : many;

    private static string Body(RunReport report, int maxRows)
    {
        var lines = new List<string>
        {
            $"{Title(report)}: {report.OutcomeText}",
            $"Run {ReportFormat.OneLine(report.CorrelationId, 70)}",
        };
        Alert(report, lines);
        Summary(report, lines);
        Strategies(report, lines, maxRows);
        Target(report, lines, maxRows);
        Orders(report, lines, maxRows);
        Account(report, lines);
        Failures(report, lines, maxRows);
        return string.Join('\n', lines) + "\n";
    }

    private static void Section(List<string> lines, string title)
    {
        lines.Add(string.Empty);
        lines.Add(title);
        lines.Add(new string('-', title.Length));
    }

    private static void Alert(RunReport report, List<string> lines)
    {
        if (report.WorkflowFailure is not { } failure)
        {
            return;
        }

        Section(lines, "ALERT: THE RUN FAILED");
        Field(lines, "Step", ReportFormat.OneLine(failure.Source));
        Field(lines, "Category", ReportFormat.OneLine(failure.Category));
        Field(lines, "Reason", ReportFormat.OneLine(failure.Reason));
        Field(lines, "What to do", string.IsNullOrWhiteSpace(failure.RemediationHint) ? "no hint given; look up the run id in the logs" : ReportFormat.OneLine(failure.RemediationHint));
    }

    private static void Field(List<string> lines, string label, string value) =>
        lines.AddRange(ReportFormat.Wrap(value, Width, $"  {label,-12}", new string(' ', 14)));

    private static void Summary(RunReport report, List<string> lines)
    {
        Section(lines, "SUMMARY");
        var table = new List<(string Label, string Value)> { ("Outcome", report.OutcomeText) };
        if (!string.IsNullOrEmpty(report.Reason))
        {
            table.Add(("Reason", ReportFormat.OneLine(report.Reason)));
        }

        var failedStrategies = report.Failures.Count(f => f.Source.StartsWith("strategy ", StringComparison.Ordinal));
        if (report.Strategies.Count > 0 || failedStrategies > 0)
        {
            table.Add(("Strategies", string.Create(CultureInfo.InvariantCulture, $"{report.Strategies.Count} used, {failedStrategies} failed")));
        }

        if (report.Orders is { } orders)
        {
            table.Add(("Orders", string.Create(CultureInfo.InvariantCulture, $"{orders.Placed} placed, {orders.Filled} filled, {orders.Failed} failed")));
        }
        else if (report.PlannedTrades.Count > 0)
        {
            table.Add(("Orders", string.Create(CultureInfo.InvariantCulture, $"{report.PlannedTrades.Count} planned, none executed")));
        }

        foreach (var (label, value) in table)
        {
            Field(lines, label, value);
        }
    }

    private static void Strategies(RunReport report, List<string> lines, int maxRows)
    {
        if (report.Strategies.Count == 0)
        {
            return;
        }

        Section(lines, "STRATEGY ALLOCATIONS");
        foreach (var strategy in report.Strategies.Take(maxRows))
        {
            lines.Add($"  {ReportFormat.OneLine(strategy.StrategyId, 40)}: weight {ReportFormat.Percent(strategy.AllocationWeight)}, effective {ReportFormat.Percent(strategy.EffectiveWeight)}");
            var table = new TextTable("Symbol", ">Weight");
            foreach (var weight in strategy.Weights)
            {
                table.Add(weight.Symbol, ReportFormat.Percent(weight.Weight));
            }

            lines.AddRange(table.Lines(maxRows, "    "));
        }

        More(lines, report.Strategies.Count - maxRows, "strategies");
    }

    private static void Target(RunReport report, List<string> lines, int maxRows)
    {
        if (report.Target.Count == 0)
        {
            return;
        }

        Section(lines, "CONSOLIDATED TARGET");
        var table = new TextTable("Symbol", ">Target", ">Current", ">Delta");
        foreach (var row in report.Target)
        {
            table.Add(
                row.Symbol,
                ReportFormat.Percent(row.TargetWeight),
                row.CurrentWeight is { } current ? ReportFormat.Percent(current) : "-",
                row.DeltaValue is { } delta ? ReportFormat.SignedMoney(delta) : "-");
        }

        lines.AddRange(table.Lines(maxRows, "  "));
    }

    private static void Orders(RunReport report, List<string> lines, int maxRows)
    {
        if (report.PlannedTrades.Count == 0 && report.Fills.Count == 0 && report.FailedOrders.Count == 0 && report.Orders is null)
        {
            return;
        }

        Section(lines, "ORDERS");
        if (report.PlannedTrades.Count > 0)
        {
            lines.Add("  Planned trades");
            var table = new TextTable("Side", "Symbol", ">Qty", ">Est. notional", "Status");
            var status = new TradeStatus(report);
            foreach (var trade in report.PlannedTrades)
            {
                table.Add(trade.Side, trade.Symbol, ReportFormat.Quantity(trade.Quantity), ReportFormat.Money(trade.EstimatedNotional), status.Of(trade));
            }

            lines.AddRange(table.Lines(maxRows, "  "));
            var blocked = report.PlannedTrades.Where(t => t.Blocked).ToList();
            foreach (var trade in blocked.Take(maxRows))
            {
                lines.AddRange(ReportFormat.Wrap(
                    $"{trade.Symbol} blocked: {ReportFormat.OneLine(trade.BlockReason ?? "no reason given")}", Width, "  ! ", "    "));
            }

            More(lines, blocked.Count - maxRows, "blocked trades");
        }

        lines.Add(string.Empty);
        if (report.Fills.Count == 0)
        {
            lines.Add("  No fills.");
        }
        else
        {
            lines.Add("  Fills");
            var fills = new TextTable("Symbol", "Side", ">Qty", ">Price", ">Notional", ">Slip bps");
            foreach (var fill in report.Fills)
            {
                fills.Add(fill.Symbol, fill.Side, ReportFormat.Quantity(fill.Quantity), ReportFormat.Money(fill.Price), ReportFormat.Money(fill.Quantity * fill.Price), ReportFormat.Bps(fill.SlippageBps));
            }

            lines.AddRange(fills.Lines(maxRows, "  "));
        }

        FailedOrders(report, lines, maxRows);
    }

    private static void FailedOrders(RunReport report, List<string> lines, int maxRows)
    {
        if (report.FailedOrders.Count == 0)
        {
            return;
        }

        lines.Add(string.Empty);
        lines.Add("  Failed orders");
        var table = new TextTable("Symbol", "Side", ">Unfilled", "Category");
        foreach (var failure in report.FailedOrders)
        {
            table.Add(failure.Symbol, failure.Side, ReportFormat.Quantity(failure.UnfilledQuantity), failure.Category);
        }

        lines.AddRange(table.Lines(maxRows, "  "));
        foreach (var failure in report.FailedOrders.Take(maxRows))
        {
            lines.AddRange(ReportFormat.Wrap(
                $"{ReportFormat.OneLine(failure.Symbol, 24)} {ReportFormat.OneLine(failure.Side, 24)}: {ReportFormat.OneLine(failure.Reason)}", Width, "  ! ", "    "));
        }

        More(lines, report.FailedOrders.Count - maxRows, "failed orders");
    }

    private static void Account(RunReport report, List<string> lines)
    {
        if (report.AccountValueBefore is null && report.AccountValueAfter is null)
        {
            return;
        }

        Section(lines, "ACCOUNT VALUE");
        lines.Add($"  Before  {(report.AccountValueBefore is { } before ? ReportFormat.Money(before) : "-")}");
        lines.Add($"  After   {(report.AccountValueAfter is { } after ? ReportFormat.Money(after) : "-")}");
        if (report.AccountValueBefore is { } b && report.AccountValueAfter is { } a)
        {
            var change = b == 0m ? string.Empty : $" ({(a >= b ? "+" : string.Empty)}{ReportFormat.Percent((a - b) / b)})";
            lines.Add($"  Change  {ReportFormat.SignedMoney(a - b)}{change}");
        }
    }

    private static void Failures(RunReport report, List<string> lines, int maxRows)
    {
        if (report.Failures.Count == 0)
        {
            return;
        }

        Section(lines, "FAILURES");
        foreach (var failure in report.Failures.Take(maxRows))
        {
            lines.AddRange(ReportFormat.Wrap(
                $"[{ReportFormat.OneLine(failure.Category, 40)}] {ReportFormat.OneLine(failure.Source, 60)}: {ReportFormat.OneLine(failure.Reason)}", Width, "  ", "    "));
            if (!string.IsNullOrWhiteSpace(failure.RemediationHint))
            {
                lines.AddRange(ReportFormat.Wrap($"Hint: {ReportFormat.OneLine(failure.RemediationHint)}", Width, "    ", "    "));
            }
        }

        More(lines, report.Failures.Count - maxRows, "failures");
    }

    private static void More(List<string> lines, int hidden, string what)
    {
        if (hidden > 0)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"  … {hidden} more {what} (see the HTML report)"));
        }
    }
}
