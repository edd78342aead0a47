using System.Globalization;
using Alchemiser.Core.Events;
using Alchemiser.Local.Hosting;
using Alchemiser.StrategyOrchestrator;
using Spectre.Console;

namespace Alchemiser.Cli;

/// <summary>What <c>alchemiser run</c> prints when the day is over: outcome, orders and fills, account before and after, report files.</summary>
public static class RunSummary
{
    /// <summary>The run's one-line header: date, outcome, correlation id.</summary>
    public static void Header(CliContext context, RunStart start)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(start);
        var date = start.TradingDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var outcome = start.Outcome == RunStartOutcome.AlreadyRun ? "already run" : start.Outcome.ToString().ToLowerInvariant();
        context.Ui.MarkupLine($"[bold]run[/] · {date} · {outcome} · correlation {Markup.Escape(start.CorrelationId)}");
    }

    /// <summary>Prints the summary of a whole day; returns the exit code (1 when the run failed).</summary>
    public static int Print(CliContext context, LocalWorkflowHost host, LocalRunResult result)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(result);
        var start = result.Start;
        Header(context, start);
        switch (start.Outcome)
        {
            case RunStartOutcome.Skipped:
                context.Ui.MarkupLine("[yellow]skipped:[/] " + Markup.Escape(start.Reason ?? ""));
                return 0;
            case RunStartOutcome.Failed:
                context.Error(start.Reason ?? "the run could not start");
                return CliApp.Failure;
            case RunStartOutcome.AlreadyRun:
                var fills = host.Ledger.ByCorrelationAsync(start.CorrelationId).GetAwaiter().GetResult();
                context.Ui.MarkupLine("[yellow]" + Markup.Escape(start.Reason ?? "") + "[/]");
                context.Ui.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"No order was placed. That run recorded {fills.Count} fills in the ledger; --force starts another run for the date."));
                ReportFiles(context, host, start.TradingDate);
                return 0;
        }

        var executed = result.Find(EventTypes.TradeExecuted)?.PayloadAs<TradeExecuted>();
        var plan = result.Find(EventTypes.RebalancePlanned)?.PayloadAs<RebalancePlanned>();
        if (plan is not null)
        {
            context.Ui.Write(Orders(plan, executed));
        }

        if (executed is not null)
        {
            var change = executed.EquityAfter - executed.EquityBefore;
            context.Ui.MarkupLine(string.Create(CultureInfo.InvariantCulture,
                $"account value {executed.EquityBefore:N2} → {executed.EquityAfter:N2} ({(change >= 0 ? "+" : "")}{change:N2}) · {executed.OrdersPlaced} orders placed, {executed.Fills.Count} fills, {executed.OrdersFailed} failed"));
        }

        ReportFiles(context, host, start.TradingDate);
        context.Ui.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"[grey]{result.Events.Count} events · finished in {result.Elapsed.TotalMilliseconds:0} ms[/]"));
        if (result.Find(EventTypes.WorkflowFailed)?.PayloadAs<WorkflowFailed>() is { } failed)
        {
            context.Error($"the run failed at {failed.FailedStep} ({failed.Category}): {failed.Reason}", failed.RemediationHint);
            return CliApp.Failure;
        }

        return 0;
    }

    /// <summary>One row per planned trade: what was asked, what filled at what average price, and how (the last step used).</summary>
    private static Table Orders(RebalancePlanned plan, TradeExecuted? executed)
    {
        var table = new Table { Title = new TableTitle("orders") };
        table.AddColumn("symbol");
        table.AddColumn("side");
        table.AddColumn(new TableColumn("planned").RightAligned());
        table.AddColumn(new TableColumn("filled").RightAligned());
        table.AddColumn(new TableColumn("avg price").RightAligned());
        table.AddColumn(new TableColumn("slippage bps").RightAligned());
        table.AddColumn("steps");
        table.AddColumn("note");
        foreach (var trade in plan.Trades)
        {
            var fills = executed?.Fills.Where(f => f.Symbol == trade.Symbol && f.Side == trade.Side).ToList() ?? [];
            var filled = fills.Sum(f => f.Quantity);
            var average = filled == 0m ? (decimal?)null : fills.Sum(f => f.Quantity * f.Price) / filled;
            var slippage = fills.Where(f => f.SlippageBps is not null).ToList() is { Count: > 0 } priced && filled > 0m
                ? priced.Sum(f => f.SlippageBps!.Value * f.Quantity) / priced.Sum(f => f.Quantity)
                : (decimal?)null;
            var failure = executed?.FailedOrders.FirstOrDefault(f => f.Symbol == trade.Symbol && f.Side == trade.Side);
            var note = trade.Blocked ? "blocked: " + trade.BlockReason : failure is not null ? "failed: " + failure.Reason : trade.BlockReason ?? "";
            table.AddRow(
                Markup.Escape(trade.Symbol),
                trade.Side,
                Number(trade.Quantity),
                Number(filled),
                average is { } a ? a.ToString("N4", CultureInfo.InvariantCulture) : "—",
                slippage is { } s ? s.ToString("0.00", CultureInfo.InvariantCulture) : "—",
                Markup.Escape(string.Join(" ", fills.Select(f => Step(f.ClientOrderId)))),
                Markup.Escape(note));
        }

        return table;
    }

    private static void ReportFiles(CliContext context, LocalWorkflowHost host, DateOnly tradingDate)
    {
        var folder = Path.Combine(host.ReportsDirectory, tradingDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        var report = Path.Combine(folder, "report.html");
        if (File.Exists(report))
        {
            context.Ui.MarkupLine("report: " + Markup.Escape(report));
            context.Ui.MarkupLine("e-mail, orders.csv, allocations.csv: " + Markup.Escape(folder));
        }
    }

    /// <summary>The step of a client order id <c>alc-…-{step}</c>: 1–3 limit steps, m market, f fractional remainder.</summary>
    private static string Step(string clientOrderId) => clientOrderId[(clientOrderId.LastIndexOf('-') + 1)..];

    private static string Number(decimal value) => value.ToString("0.#########", CultureInfo.InvariantCulture);
}
