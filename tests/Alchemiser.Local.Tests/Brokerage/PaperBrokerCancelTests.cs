using Alchemiser.Core.Brokerage;

namespace Alchemiser.Local.Tests.Brokerage;

/// <summary>Cancelling: an open order stops at once keeping its fills; a finished one is left alone; an unknown id is not found.</summary>
public sealed class PaperBrokerCancelTests : IDisposable
{
    private readonly PaperBrokerHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Fact]
    public async Task A_cancelled_order_keeps_its_fills_frees_its_reservation_and_fills_no_more()
    {
        _h.Quote("SPY", 0, 99.99m, 100.00m, askSize: 40m);
        var order = await _h.BuyLimit("c-1", "SPY", 100m, 100.00m);
        _h.At(1.5);

        await _h.Broker.CancelOrderAsync(order.Id);
        _h.At(60);
        var cancelled = await _h.Broker.GetOrderAsync(order.Id);
        var account = await _h.Broker.GetAccountAsync();

        Assert.Equal((OrderStatus.Canceled, 40m, PaperBrokerHarness.Ten.AddSeconds(1.5)), (cancelled.Status, cancelled.FilledQuantity, cancelled.UpdatedAt));
        Assert.Null(cancelled.FilledAt);
        Assert.Equal((96_000m, 96_000m), (account.Cash, account.BuyingPower));
    }

    [Fact]
    public async Task Cancelling_a_filled_order_leaves_it_as_it_is()
    {
        _h.Quote("SPY", 0, 99.99m, 100.00m);
        var order = await _h.BuyLimit("c-1", "SPY", 10m, 100.00m);
        _h.At(1);
        var filled = await _h.Broker.GetOrderAsync(order.Id);
        _h.At(5);

        await _h.Broker.CancelOrderAsync(order.Id);

        Assert.Equal(filled, await _h.Broker.GetOrderAsync(order.Id));
    }

    [Fact]
    public async Task Cancelling_twice_keeps_the_first_cancellation()
    {
        _h.Quote("SPY", 0, 99.90m, 100.10m);
        var order = await _h.BuyLimit("c-1", "SPY", 10m, 90m);
        await _h.Broker.CancelOrderAsync(order.Id);
        var first = await _h.Broker.GetOrderAsync(order.Id);
        _h.At(5);

        await _h.Broker.CancelOrderAsync(order.Id);

        Assert.Equal(first, await _h.Broker.GetOrderAsync(order.Id));
    }

    [Fact]
    public async Task An_unknown_order_id_is_not_found_for_cancel_get_and_executions()
    {
        await Assert.ThrowsAsync<OrderNotFoundException>(() => _h.Broker.CancelOrderAsync("paper-000001"));
        await Assert.ThrowsAsync<OrderNotFoundException>(() => _h.Broker.GetOrderAsync("paper-000001"));
        await Assert.ThrowsAsync<OrderNotFoundException>(() => _h.Broker.GetExecutionsAsync("nope"));
    }
}
