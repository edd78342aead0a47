using Alchemiser.Core.Brokerage;
using Alchemiser.Core.Events;
using Alchemiser.Functions.Tests.Execution.Support;
using static Alchemiser.Functions.Tests.Execution.Support.ExecutionScenario;

namespace Alchemiser.Functions.Tests.Execution;

/// <summary>Sells first and to the end, then buys sized to the buying power the sells left.</summary>
public sealed class PhaseTests
{
    private readonly ExecutionScenario _run = new();

    [Fact]
    public async Task Every_sell_is_final_before_the_first_buy_is_submitted_and_its_cash_pays_for_the_buys()
    {
        _run.Broker.Cash = 0m;
        _run.Quote("SOXL", 24.70m, 24.80m);
        _run.Quote("TECL", 86.30m, 86.40m);
        _run.Quote("URA", 36.00m, 36.20m);
        _run.Broker.Hold("SOXL", 400m);
        _run.Broker.Hold("TECL", 10m);
        _run.Broker.FillOnPlacement("TECL", "2");
        _run.Broker.FillOnPlacement("URA", "1");

        var result = await _run.RunAsync(_run.Plan(Sell("SOXL", 400m, 24.75m), Buy("URA", 200m, 36.10m), Sell("TECL", 10m, 86.35m)));

        var firstBuy = _run.Broker.Actions.First(a => a.Side == OrderSide.Buy);
        Assert.All(_run.Broker.Orders.Where(o => o.Side == OrderSide.Sell), o => Assert.True(!o.IsOpen && o.UpdatedAt <= firstBuy.At));
        Assert.True(_run.Broker.Actions.TakeWhile(a => a.Side == OrderSide.Sell).Count() == _run.Broker.Actions.Count(a => a.Side == OrderSide.Sell));
        Assert.Equal(200m, firstBuy.Quantity);
        Assert.Equal(["SOXL", "TECL", "URA"], result.Report.Fills.Select(f => f.Symbol));
        Assert.Equal(0, result.Report.OrdersFailed);
    }

    [Fact]
    public async Task Buys_costing_more_than_the_buying_power_less_the_buffer_are_scaled_pro_rata_and_still_complete()
    {
        _run.Broker.Cash = 10_000m;
        _run.Quote("URA", 36.00m, 36.20m);
        _run.Quote("CCJ", 73.00m, 73.10m);
        _run.Broker.FillOnPlacement("URA", "1");
        _run.Broker.FillOnPlacement("CCJ", "1");

        // At the asks: 200 × 36.20 + 100 × 73.10 = 14 550 > 10 000 × 0.995 = 9 950, factor 0.6838...
        var result = await _run.RunAsync(_run.Plan(Buy("URA", 200m, 36.10m), Buy("CCJ", 100m, 73.05m)));

        Assert.Equal([("URA", 136m), ("CCJ", 68m)], _run.Broker.Actions.Select(a => (a.Symbol, a.Quantity)));
        Assert.Equal((2, 0), (result.Report.OrdersFilled, result.Report.OrdersFailed));
        Assert.Equal(EventTypes.WorkflowCompleted, result.Published[1].EventType);
    }

    [Fact]
    public async Task A_buy_scaled_to_nothing_places_no_order_and_fails_for_buying_power()
    {
        _run.Broker.Cash = 30m;
        _run.Quote("URA", 36.00m, 36.20m);

        var result = await _run.RunAsync(_run.Plan(Buy("URA", 1m, 36.10m)));

        Assert.Empty(_run.Broker.Orders);
        Assert.Equal(new OrderFailure("URA", "buy", 1m, "trading", "insufficient buying power"), Assert.Single(result.Report.FailedOrders));
        var failed = result.Published[1].PayloadAs<WorkflowFailed>();
        Assert.Equal(("trading", "execution"), (failed.Category, failed.FailedStep));
        Assert.Equal("1 of 1 trades did not fully execute: URA buy 1 unfilled (insufficient buying power)", failed.Reason);
        Assert.False(string.IsNullOrWhiteSpace(failed.RemediationHint));
    }

    [Fact]
    public async Task A_buy_refused_for_buying_power_is_cut_to_what_the_refreshed_buying_power_pays_and_the_rest_is_a_failure()
    {
        _run.Broker.Cash = 10_000m;
        _run.Quote("URA", 36.00m, 36.20m);
        _run.Quote("CCJ", 73.00m, 73.10m);
        _run.Broker.FillOnPlacement("URA", "1");
        _run.Broker.FillOnPlacement("CCJ", "1");
        var spent = false;
        _run.Broker.BeforeSubmit = request =>
        {
            if (request.Symbol == "CCJ" && !spent)
            {
                spent = true;
                _run.Broker.Cash -= 3_000m; // money leaves the account between the scaling and the order
            }
        };

        // URA 100 × 36.10 = 3 610 fills; then CCJ 80 × 73.05 = 5 844 > 10 000 − 3 610 − 3 000 = 3 390.
        var result = await _run.RunAsync(_run.Plan(Buy("URA", 100m, 36.10m), Buy("CCJ", 80m, 73.05m)));

        // Refreshed: 3 390 × 0.995 = 3 373.05 buys 46 shares at the 73.05 limit.
        Assert.Equal([("URA", 100m), ("CCJ", 46m)], _run.Broker.Actions.Select(a => (a.Symbol, a.Quantity)));
        Assert.Equal(new OrderFailure("CCJ", "buy", 34m, "trading", "insufficient buying power"), Assert.Single(result.Report.FailedOrders));
        Assert.Equal((2, 1, 1), (result.Report.OrdersPlaced, result.Report.OrdersFilled, result.Report.OrdersFailed));
        Assert.Contains("CCJ buy 34 unfilled", result.Published[1].PayloadAs<WorkflowFailed>().Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_refusal_fails_that_trade_with_the_brokers_words_and_the_others_go_on()
    {
        _run.Quote("TECL", 86.30m, 86.40m);
        _run.Quote("SPY", 617.70m, 617.90m);
        _run.Broker.Hold("TECL", 175m);
        _run.Broker.Hold("SPY", 6m);
        _run.Broker.Reject("TECL", "1", RejectionReason.UnknownAsset, "asset TECL is not active");
        _run.Broker.FillOnPlacement("SPY", "1");

        var result = await _run.RunAsync(_run.Plan(Sell("TECL", 175m, 86.35m), Sell("SPY", 6m, 617.80m)));

        Assert.Empty(_run.Broker.OrdersOf("TECL"));
        Assert.Equal(new OrderFailure("TECL", "sell", 175m, "trading", "asset TECL is not active"), Assert.Single(result.Report.FailedOrders));
        Assert.Equal(6m, Assert.Single(result.Report.Fills).Quantity);
    }

    [Fact]
    public async Task Blocked_lines_place_no_order_and_are_not_failures()
    {
        _run.Quote("URA", 36.00m, 36.20m);
        _run.Broker.FillOnPlacement("URA", "1");

        var result = await _run.RunAsync(_run.Plan(
            Blocked("XLE", "buy", 140m, "order notional 11865.00 exceeds the max order notional of 10000.00"),
            Buy("URA", 10m, 36.10m),
            Blocked("GLD", "sell", 3m, "kill switch")));

        Assert.Equal(["URA"], _run.Broker.Orders.Select(o => o.Symbol));
        Assert.Equal((1, 1, 0), (result.Report.OrdersPlaced, result.Report.OrdersFilled, result.Report.OrdersFailed));
        Assert.Equal(EventTypes.WorkflowCompleted, result.Published[1].EventType);
    }
}
