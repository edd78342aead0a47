using Alchemiser.Core.Brokerage;

namespace Alchemiser.Local.Tests.Brokerage;

/// <summary>Day orders: whatever is still open at the session's close expires then, keeping its fills.</summary>
public sealed class PaperBrokerExpiryTests : IDisposable
{
    private readonly PaperBrokerHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Fact]
    public async Task An_open_order_expires_at_four_and_frees_its_reservation()
    {
        _h.Quote("SPY", 0, 99.90m, 100.10m);
        var order = await _h.BuyLimit("c-1", "SPY", 10m, 100.00m);

        _h.Clock.Set(NewYork.At(PaperBrokerHarness.Day, 15, 59, 59));
        var beforeClose = await _h.Broker.GetOrderAsync(order.Id);
        _h.Clock.Set(NewYork.At(PaperBrokerHarness.Day, 16, 0));
        var atClose = await _h.Broker.GetOrderAsync(order.Id);

        Assert.Equal(OrderStatus.New, beforeClose.Status);
        Assert.Equal((OrderStatus.Expired, NewYork.At(PaperBrokerHarness.Day, 16, 0)), (atClose.Status, atClose.UpdatedAt));
        Assert.Contains("expired", atClose.RejectReason, StringComparison.Ordinal);
        Assert.Equal(100_000m, (await _h.Broker.GetAccountAsync()).BuyingPower);
    }

    [Fact]
    public async Task A_partly_filled_order_expires_with_its_fills()
    {
        _h.Quote("SPY", 0, 99.99m, 100.00m, askSize: 25m);
        _h.Quote("SPY", 1.5, 100.05m, 100.10m);
        var order = await _h.BuyLimit("c-1", "SPY", 100m, 100.00m);

        _h.Clock.Set(NewYork.At("2025-06-11", 10, 0));
        var expired = await _h.Broker.GetOrderAsync(order.Id);

        Assert.Equal((OrderStatus.Expired, 25m, NewYork.At(PaperBrokerHarness.Day, 16, 0)), (expired.Status, expired.FilledQuantity, expired.UpdatedAt));
        Assert.Equal(25m, Assert.Single(await _h.Broker.GetPositionsAsync()).Quantity);
    }

    [Fact]
    public async Task A_quote_that_reaches_the_limit_at_the_close_comes_too_late()
    {
        _h.Quote("SPY", 0, 99.90m, 100.10m);
        _h.Market.SetQuote("SPY", NewYork.At(PaperBrokerHarness.Day, 16, 0), 99.90m, 100.00m, 1000m, 1000m);
        var order = await _h.BuyLimit("c-1", "SPY", 10m, 100.00m);

        _h.Clock.Set(NewYork.At(PaperBrokerHarness.Day, 16, 0, 5));

        var expired = await _h.Broker.GetOrderAsync(order.Id);
        Assert.Equal((OrderStatus.Expired, 0m), (expired.Status, expired.FilledQuantity));
    }

    [Fact]
    public async Task On_an_early_close_orders_expire_at_one_in_the_afternoon()
    {
        _h.Market.SetQuote("SPY", NewYork.At("2025-07-03", 9, 30), 100.05m, 100.10m, 1000m, 1000m);
        _h.Clock.Set(NewYork.At("2025-07-03", 12, 0));
        var order = await _h.BuyLimit("c-1", "SPY", 10m, 100.00m);

        _h.Clock.Set(NewYork.At("2025-07-07", 9, 0));
        var expired = await _h.Broker.GetOrderAsync(order.Id);

        Assert.Equal((OrderStatus.Expired, NewYork.At("2025-07-03", 13, 0)), (expired.Status, expired.UpdatedAt));
    }
}
