using Alchemiser.Core.Brokerage;

namespace Alchemiser.Local.Tests.Brokerage;

/// <summary>Limit orders meet the quote tick by tick: at the quote's price when it reaches the limit, for at most what is displayed.</summary>
public sealed class PaperBrokerLimitOrderTests : IDisposable
{
    private readonly PaperBrokerHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Fact]
    public async Task A_limit_buy_resting_inside_the_spread_waits_until_the_ask_comes_down_to_its_limit_then_fills()
    {
        _h.Quote("SPY", 0, 99.90m, 100.10m);
        _h.Quote("SPY", 10, 99.95m, 100.00m);
        var order = await _h.BuyLimit("c-1", "SPY", 100m, 100.00m);

        _h.At(9.999);
        var waiting = await _h.Broker.GetOrderAsync(order.Id);
        _h.At(10);
        var filled = await _h.Broker.GetOrderAsync(order.Id);

        Assert.Equal((OrderStatus.New, 0m), (waiting.Status, waiting.FilledQuantity));
        Assert.Equal(OrderStatus.Filled, filled.Status);
        Assert.Equal((100m, 100.00m), (filled.FilledQuantity, filled.FilledAveragePrice));
        Assert.Equal(PaperBrokerHarness.Ten.AddSeconds(10), filled.FilledAt);
        Assert.Equal(filled.FilledAt, filled.UpdatedAt);
    }

    [Fact]
    public async Task A_limit_buy_fills_at_the_ask_when_the_ask_is_below_its_limit()
    {
        _h.Quote("SPY", 0, 99.90m, 99.95m);

        var order = await _h.BuyLimit("c-1", "SPY", 10m, 100.00m);
        _h.At(1);

        Assert.Equal(99.95m, (await _h.Broker.GetOrderAsync(order.Id)).FilledAveragePrice);
    }

    [Fact]
    public async Task A_limit_sell_waits_for_the_bid_to_reach_its_limit_and_fills_at_the_bid()
    {
        await _h.Hold("SPY", 50m, 100m);
        _h.Quote("SPY", 1, 100.90m, 101.10m);
        _h.Quote("SPY", 5, 101.05m, 101.15m);
        var order = await _h.SellLimit("s-1", "SPY", 50m, 101.00m);

        _h.At(4);
        var waiting = await _h.Broker.GetOrderAsync(order.Id);
        _h.At(5);
        var filled = await _h.Broker.GetOrderAsync(order.Id);

        Assert.Equal(OrderStatus.New, waiting.Status);
        Assert.Equal((OrderStatus.Filled, 50m, 101.05m), (filled.Status, filled.FilledQuantity, filled.FilledAveragePrice));
        Assert.Empty(await _h.Broker.GetPositionsAsync());
    }

    [Fact]
    public async Task Each_tick_fills_at_most_the_displayed_size_and_the_average_price_is_weighted()
    {
        _h.Quote("SPY", 0, 99.99m, 100.00m, askSize: 30m);
        _h.Quote("SPY", 2, 100.03m, 100.04m, askSize: 30m);
        var order = await _h.BuyLimit("c-1", "SPY", 100m, 100.05m);

        _h.At(1);
        var afterOne = await _h.Broker.GetOrderAsync(order.Id);
        _h.At(3);
        var afterThree = await _h.Broker.GetOrderAsync(order.Id);
        _h.At(60);
        var done = await _h.Broker.GetOrderAsync(order.Id);

        Assert.Equal((OrderStatus.PartiallyFilled, 30m, 100.00m), (afterOne.Status, afterOne.FilledQuantity, afterOne.FilledAveragePrice));
        Assert.Null(afterOne.FilledAt);
        Assert.Equal((OrderStatus.PartiallyFilled, 90m), (afterThree.Status, afterThree.FilledQuantity));
        Assert.Equal((OrderStatus.Filled, 100m), (done.Status, done.FilledQuantity));
        Assert.Equal(100.028m, done.FilledAveragePrice); // (30 × 100.00 + 70 × 100.04) / 100
        Assert.Equal(PaperBrokerHarness.Ten.AddSeconds(4), done.FilledAt);
        Assert.Equal(
            [(30m, 100.00m, 1), (30m, 100.04m, 2), (30m, 100.04m, 3), (10m, 100.04m, 4)],
            (await _h.Broker.GetExecutionsAsync(order.Id)).Select(e => (e.Quantity, e.Price, (int)(e.ExecutedAt - PaperBrokerHarness.Ten).TotalSeconds)));
        var position = Assert.Single(await _h.Broker.GetPositionsAsync());
        Assert.Equal((100m, 100.028m), (position.Quantity, position.AverageEntryPrice));
    }

    [Fact]
    public async Task Orders_on_one_side_share_the_displayed_size_first_come_first_served()
    {
        _h.Quote("SPY", 0, 99.99m, 100.00m, askSize: 150m);
        var first = await _h.BuyLimit("c-1", "SPY", 100m, 100.00m);
        var second = await _h.BuyLimit("c-2", "SPY", 100m, 100.00m);

        _h.At(1);

        Assert.Equal(100m, (await _h.Broker.GetOrderAsync(first.Id)).FilledQuantity);
        Assert.Equal(50m, (await _h.Broker.GetOrderAsync(second.Id)).FilledQuantity);
    }

    [Fact]
    public async Task Fractional_remainders_fill_exactly()
    {
        _h.Quote("SPY", 0, 99.99m, 100.00m, askSize: 100m);

        var order = await _h.BuyLimit("c-1", "SPY", 150.125m, 100.00m);
        _h.At(2);

        var filled = await _h.Broker.GetOrderAsync(order.Id);
        Assert.Equal((OrderStatus.Filled, 150.125m), (filled.Status, filled.FilledQuantity));
        Assert.Equal(100_000m - 15_012.5m, (await _h.Broker.GetAccountAsync()).Cash);
    }

    [Fact]
    public async Task An_order_cannot_fill_before_its_latency_has_passed()
    {
        using var slow = new PaperBrokerHarness(new Local.Brokerage.PaperBrokerOptions { OrderLatency = TimeSpan.FromSeconds(2) });
        slow.Quote("SPY", 0, 99.99m, 100.00m);

        var order = await slow.BuyLimit("c-1", "SPY", 10m, 100.00m);
        slow.At(1.999);
        var early = await slow.Broker.GetOrderAsync(order.Id);
        slow.At(2);
        var late = await slow.Broker.GetOrderAsync(order.Id);

        Assert.Equal(OrderStatus.New, early.Status);
        Assert.Equal((OrderStatus.Filled, PaperBrokerHarness.Ten.AddSeconds(2)), (late.Status, late.FilledAt));
    }

    [Fact]
    public async Task With_the_default_latency_an_order_placed_late_in_a_second_misses_that_seconds_tick()
    {
        _h.Quote("SPY", 0, 99.99m, 100.00m);
        _h.At(0.9);

        var order = await _h.BuyLimit("c-1", "SPY", 10m, 100.00m);
        _h.At(1.5);
        var missed = await _h.Broker.GetOrderAsync(order.Id);
        _h.At(2);
        var filled = await _h.Broker.GetOrderAsync(order.Id);

        Assert.Equal(OrderStatus.New, missed.Status);
        Assert.Equal(PaperBrokerHarness.Ten.AddSeconds(2), filled.FilledAt);
    }

    [Fact]
    public async Task The_outcome_does_not_depend_on_how_often_anyone_looks()
    {
        using var other = new PaperBrokerHarness();
        foreach (var h in new[] { _h, other })
        {
            h.Quote("SPY", 0, 99.90m, 100.10m, askSize: 40m);
            h.Quote("SPY", 7, 99.95m, 100.02m, askSize: 40m);
            h.Quote("SPY", 9, 99.97m, 100.01m, askSize: 25m);
        }

        var watched = await _h.BuyLimit("c-1", "SPY", 100m, 100.02m);
        var unwatched = await other.BuyLimit("c-1", "SPY", 100m, 100.02m);
        for (var s = 0.5; s <= 30; s += 0.5)
        {
            _h.At(s);
            await _h.Broker.GetOrderAsync(watched.Id);
        }

        other.At(30);

        Assert.Equal(await _h.Broker.GetOrderAsync(watched.Id), await other.Broker.GetOrderAsync(unwatched.Id));
        Assert.Equal(await _h.Broker.GetExecutionsAsync(watched.Id), await other.Broker.GetExecutionsAsync(unwatched.Id));
    }
}
