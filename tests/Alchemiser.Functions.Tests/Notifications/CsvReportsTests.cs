using Alchemiser.Core.Events;
using Alchemiser.Notifications.Reporting;

namespace Alchemiser.Functions.Tests.Notifications;

/// <summary>The CSV files: headers, one row per fill / symbol / strategy symbol, exact invariant decimals, RFC 4180 quoting.</summary>
public sealed class CsvReportsTests
{
    private static readonly RunReport Completed = RunReport.From(SampleEvents.CompletedRun());

    [Fact]
    public void Orders_has_the_header_and_one_row_per_fill()
    {
        var lines = CsvReports.Orders(Completed).Split('\n');

        Assert.Equal(9, lines.Length);
        Assert.Equal("symbol,side,quantity,price,notional,client_order_id,order_id,slippage_bps", lines[0]);
        Assert.Equal("TECL,sell,175,86.38,15116.50,alc-6f1c2a9e-8b4d-4c37-9e52-1d0a7b3f5c84-TECL-sell-1,f95ad91a-8e7c-4cf6-bd0e-edd4e7413003,2.31", lines[1]);
        Assert.Equal("BIL,buy,53,91.64,4856.92,alc-6f1c2a9e-8b4d-4c37-9e52-1d0a7b3f5c84-BIL-buy-1,58c4f72f-7d62-44a6-8ffc-96c387f7abda,", lines[7]);
        Assert.Equal(string.Empty, lines[8]);
    }

    [Fact]
    public void Allocations_has_the_target_then_the_strategies()
    {
        var lines = CsvReports.Allocations(Completed).Split('\n');

        Assert.Equal("symbol,target_weight,current_weight,delta_value", lines[0]);
        Assert.Equal("SPY,0.16,0.197712,-3931.20", lines[1]);
        Assert.Equal("SOXL,0,0.099944,-9994.40", lines[12]);
        Assert.Equal(string.Empty, lines[13]);
        Assert.Equal("strategy_id,allocation_weight,effective_weight,symbol,weight", lines[14]);
        Assert.Equal("nuclear,0.3,0.3,XLE,0.4", lines[15]);
        Assert.Equal("klm,0.4,0.4,GLD,0.08", lines[^2]);
        Assert.Equal(15 + 4 + 2 + 5 + 1, lines.Length);
    }

    [Fact]
    public void A_skipped_run_gives_headers_only()
    {
        var skipped = RunReport.From([SampleEvents.Envelope(new WorkflowCompleted(new DateOnly(2025, 7, 4), "skipped", "market closed", null))]);

        Assert.Equal(CsvReports.OrdersHeader + "\n", CsvReports.Orders(skipped));
        Assert.Equal(CsvReports.AllocationsHeader + "\n", CsvReports.Allocations(skipped));
    }

    [Fact]
    public void Fields_with_commas_quotes_or_line_breaks_are_quoted()
    {
        var fills = new TradeExecuted(
            "dev:2025-06-30", new DateOnly(2025, 6, 30), 1, 1, 0,
            [new ExecutedFill("BRK,B", "buy", 1.5m, 400m, "id \"one\"", "line\nbreak", null)],
            [],
            1_000m,
            1_000m);

        var csv = CsvReports.Orders(RunReport.From([SampleEvents.Envelope(fills)]));

        Assert.Equal(CsvReports.OrdersHeader + "\n\"BRK,B\",buy,1.5,400,600.0,\"id \"\"one\"\"\",\"line\nbreak\",\n", csv);
    }

    [Fact]
    public void Decimals_do_not_follow_the_current_culture()
    {
        var previous = Thread.CurrentThread.CurrentCulture;
        Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
        try
        {
            Assert.Contains("\nSPY,0.16,0.197712,-3931.20\n", CsvReports.Allocations(Completed), StringComparison.Ordinal);
            Assert.Contains("  SPY     16.00%   19.77%   -$3,931.20\n", PlainTextEmail.Render(Completed).Body, StringComparison.Ordinal);
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Failed_orders_follow_the_fills_in_their_own_section()
    {
        var report = RunReport.From([.. SampleEvents.CompletedRun().Where(e => e.EventType != EventTypes.TradeExecuted), SampleEvents.TradesWithFailures()]);

        var lines = CsvReports.Orders(report).Split('\n');

        Assert.Equal(CsvReports.OrdersHeader, lines[0]);
        Assert.Equal("CCJ,buy,50,73.08,3654.00,alc-6f1c2a9e-8b4d-4c37-9e52-1d0a7b3f5c84-CCJ-buy-1,f2985e1d-06e2-4986-ac40-261f3d4f0ddc,4.11", lines[4]);
        Assert.Equal(string.Empty, lines[7]);
        Assert.Equal("symbol,side,unfilled_quantity,category,reason", lines[8]);
        Assert.Equal("URA,buy,164,trading,\"insufficient buying power: $5,936.80 needed, $4,102.17 available\"", lines[9]);
        Assert.Equal("CCJ,buy,31,trading,\"limit order expired after 3 re-pricings, \"\"walk\"\" ended at the ask\"", lines[10]);
        Assert.Equal(12, lines.Length);
    }

}
