using Alchemiser.Core.Brokerage;

namespace Alchemiser.Local.Tests.Brokerage;

/// <summary>Market orders fill whole at the first tick they reach, at the opposite side of the quote.</summary>
public sealed class PaperBrokerMarketOrderTests : IDisposable
{
    private readonly PaperBrokerHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Fact]
    public async Task A_market_buy_fills_whole_at_the_ask_of_the_first_tick_after_latency_whatever_is_displayed()
    {
        _h.Quote("SPY", 0, 99.90m, 100.10m, askSize: 100m);
        _h.Quote("SPY", 1, 99.95m, 100.15m, askSize: 100m);

        var order = await _h.Broker.SubmitOrderAsync(OrderRequest.Market("m-1", "SPY", OrderSide.Buy, 500m));
        _h.At(0.5);
        var waiting = await _h.Broker.GetOrderAsync(order.Id);
        _h.At(1);
        var filled = await _h.Broker.GetOrderAsync(order.Id);

        Assert.Equal(OrderStatus.New, waiting.Status);
        Assert.Equal((OrderStatus.Filled, 500m, 100.15m), (filled.Status, filled.FilledQuantity, filled.FilledAveragePrice));
        Assert.Equal((OrderType.Market, (decimal?)null), (filled.Type, filled.LimitPrice));
    }

    [Fact]
    public async Task A_market_sell_fills_at_the_bid()
    {
        await _h.Hold("SPY", 40m, 100m);
        _h.Quote("SPY", 1, 100.20m, 100.30m, bidSize: 1m);

        var order = await _h.Broker.SubmitOrderAsync(OrderRequest.Market("m-1", "SPY", OrderSide.Sell, 40m));
        _h.At(2);

        var filled = await _h.Broker.GetOrderAsync(order.Id);
        Assert.Equal((OrderStatus.Filled, 100.20m), (filled.Status, filled.FilledAveragePrice));
    }

    [Fact]
    public async Task Without_a_two_sided_quote_a_market_order_fills_at_the_last_trade()
    {
        _h.Market.SetLastTrade("ODD", PaperBrokerHarness.Ten, 12.34m);
        _h.Quote("ONE", 0, 0m, 20.00m);
        _h.Market.SetLastTrade("ONE", PaperBrokerHarness.Ten, 19.50m);

        var odd = await _h.Broker.SubmitOrderAsync(OrderRequest.Market("m-1", "ODD", OrderSide.Buy, 10m));
        var one = await _h.Broker.SubmitOrderAsync(OrderRequest.Market("m-2", "ONE", OrderSide.Buy, 10m));
        _h.At(1);

        Assert.Equal(12.34m, (await _h.Broker.GetOrderAsync(odd.Id)).FilledAveragePrice);
        Assert.Equal(19.50m, (await _h.Broker.GetOrderAsync(one.Id)).FilledAveragePrice);
    }
}
