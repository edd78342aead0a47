using Alchemiser.Core.Brokerage;
using Alchemiser.Local.Brokerage;

namespace Alchemiser.Local.Tests.Brokerage;

/// <summary>Cash, buying power, equity and positions: exact decimal arithmetic over every fill.</summary>
public sealed class PaperBrokerAccountTests : IDisposable
{
    private readonly PaperBrokerHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Fact]
    public async Task A_new_account_has_its_initial_cash_as_equity_and_buying_power()
    {
        Assert.Equal(new BrokerAccount("paper", 100_000m, 100_000m, 100_000m), await _h.Broker.GetAccountAsync());

        using var custom = new PaperBrokerHarness(new PaperBrokerOptions { InitialCash = 2_500.50m, AccountId = "sim-1" });
        Assert.Equal(new BrokerAccount("sim-1", 2_500.50m, 2_500.50m, 2_500.50m), await custom.Broker.GetAccountAsync());
        Assert.Empty(await custom.Broker.GetPositionsAsync());
    }

    [Fact]
    public async Task An_open_limit_buy_reserves_its_limit_times_what_is_unfilled_until_it_fills()
    {
        _h.Quote("SPY", 0, 99.40m, 99.50m, askSize: 4m);
        _h.Quote("SPY", 1.5, 99.50m, 99.60m);
        _h.Quote("SPY", 5, 99.40m, 99.50m);
        var order = await _h.BuyLimit("c-1", "SPY", 10m, 99.55m);

        var placed = await _h.Broker.GetAccountAsync();
        _h.At(2);
        var partly = await _h.Broker.GetAccountAsync();
        _h.At(5);
        var filled = await _h.Broker.GetAccountAsync();

        Assert.Equal((100_000m, 100_000m - 995.50m), (placed.Cash, placed.BuyingPower));
        Assert.Equal((100_000m - 398.00m, 100_000m - 398.00m - (6m * 99.55m)), (partly.Cash, partly.BuyingPower)); // 4 @ 99.50 filled
        Assert.Equal((100_000m - 398.00m - 597.00m, 100_000m - 995.00m), (filled.Cash, filled.BuyingPower)); // 6 @ 99.50
        Assert.Equal(OrderStatus.Filled, (await _h.Broker.GetOrderAsync(order.Id)).Status);
    }

    [Fact]
    public async Task A_market_buy_reserves_the_ask_it_was_placed_at_until_it_fills()
    {
        _h.Quote("SPY", 0, 99.90m, 100.10m);
        _h.Quote("SPY", 1, 99.95m, 100.20m);

        await _h.Broker.SubmitOrderAsync(OrderRequest.Market("m-1", "SPY", OrderSide.Buy, 10m));
        var placed = await _h.Broker.GetAccountAsync();
        _h.At(1);
        var filled = await _h.Broker.GetAccountAsync();

        Assert.Equal(100_000m - 1_001.00m, placed.BuyingPower);
        Assert.Equal((100_000m - 1_002.00m, 100_000m - 1_002.00m), (filled.Cash, filled.BuyingPower));
    }

    [Fact]
    public async Task Buys_average_their_entry_prices_and_equity_marks_positions_to_the_last_trade()
    {
        _h.Quote("SPY", 0, 100.00m, 100.10m);
        _h.Quote("SPY", 1.5, 100.30m, 100.40m);
        _h.Market.SetLastTrade("SPY", PaperBrokerHarness.Ten, 100.05m);
        _h.Market.SetLastTrade("SPY", PaperBrokerHarness.Ten.AddSeconds(3), 101.00m);
        await _h.BuyLimit("c-1", "SPY", 100m, 100.10m);
        _h.At(1.5);
        await _h.BuyLimit("c-2", "SPY", 50m, 100.40m);
        _h.At(3);

        var position = Assert.Single(await _h.Broker.GetPositionsAsync());
        var account = await _h.Broker.GetAccountAsync();

        Assert.Equal(new BrokerPosition("SPY", 150m, 100.20m, 101.00m, 15_150m), position); // (10,010 + 5,020) / 150
        Assert.Equal((15_030m, 120m), (position.CostBasis, position.UnrealizedProfitLoss));
        Assert.Equal(new BrokerAccount("paper", 100_120.00m, 84_970.00m, 84_970.00m), account);
    }

    [Fact]
    public async Task Selling_part_keeps_the_average_entry_price_and_selling_the_rest_closes_the_position()
    {
        await _h.Hold("SPY", 30m, 100.00m);
        await _h.Hold("SPY", 10m, 104.00m); // average 101
        _h.Quote("SPY", 2, 102.50m, 102.60m);
        _h.Market.SetLastTrade("SPY", PaperBrokerHarness.Ten, 102.55m);

        await _h.SellLimit("s-1", "SPY", 15m, 102.50m);
        _h.At(3);
        var afterPart = Assert.Single(await _h.Broker.GetPositionsAsync());
        await _h.SellLimit("s-2", "SPY", 25m, 102.50m);
        _h.At(4);

        Assert.Equal((25m, 101m), (afterPart.Quantity, afterPart.AverageEntryPrice));
        Assert.Empty(await _h.Broker.GetPositionsAsync());
        Assert.Equal(new BrokerAccount("paper", 100_060.00m, 100_060.00m, 100_060.00m), await _h.Broker.GetAccountAsync()); // bought 4,040, sold 40 × 102.50
    }

    [Fact]
    public async Task Positions_come_ordinal_by_symbol_and_without_a_last_trade_are_marked_at_their_entry_price()
    {
        foreach (var symbol in new[] { "SPY", "BIL", "AAPL", "aapl" })
        {
            await _h.Hold(symbol, 2m, 50m);
        }

        _h.Market.SetLastTrade("SPY", PaperBrokerHarness.Ten, 51m);
        var positions = await _h.Broker.GetPositionsAsync();

        Assert.Equal(["AAPL", "BIL", "SPY", "aapl"], positions.Select(p => p.Symbol));
        Assert.Equal((50m, 100m), (positions[0].CurrentPrice, positions[0].MarketValue));
        Assert.Equal((51m, 102m), (positions[2].CurrentPrice, positions[2].MarketValue));
        Assert.Equal(100_000m - 400m + 402m, (await _h.Broker.GetAccountAsync()).Equity);
    }
}
