using Alchemiser.Core.Brokerage;
using Alchemiser.Local.Brokerage;

namespace Alchemiser.Local.Tests.Brokerage;

/// <summary>Replacing an open order: the old one ends Replaced with what it filled, a new limit order takes over under the usual checks.</summary>
public sealed class PaperBrokerReplaceTests : IDisposable
{
    private readonly PaperBrokerHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Fact]
    public async Task The_old_order_keeps_its_fills_and_the_chain_adds_up_to_what_was_bought()
    {
        _h.Quote("SPY", 0, 99.99m, 100.00m, askSize: 30m);
        _h.Quote("SPY", 1.5, 100.04m, 100.05m, askSize: 30m);
        var first = await _h.BuyLimit("c-1", "SPY", 100m, 100.00m);
        _h.At(1.5);

        var second = await _h.Broker.ReplaceOrderAsync(first.Id, new OrderReplacement("c-2", 70m, 100.05m));
        var replaced = await _h.Broker.GetOrderAsync(first.Id);
        _h.At(10);
        var done = await _h.Broker.GetOrderAsync(second.Id);

        Assert.Equal((OrderStatus.Replaced, 30m, 100.00m, second.Id), (replaced.Status, replaced.FilledQuantity, replaced.FilledAveragePrice, replaced.ReplacedBy));
        Assert.Equal(PaperBrokerHarness.Ten.AddSeconds(1.5), replaced.UpdatedAt);
        Assert.Equal(
            ("paper-000002", "c-2", "SPY", OrderSide.Buy, OrderType.Limit, 70m, (decimal?)100.05m, OrderStatus.New, PaperBrokerHarness.Ten.AddSeconds(1.5)),
            (second.Id, second.ClientOrderId, second.Symbol, second.Side, second.Type, second.Quantity, second.LimitPrice, second.Status, second.SubmittedAt));
        Assert.Equal((OrderStatus.Filled, 70m, 100.05m), (done.Status, done.FilledQuantity, done.FilledAveragePrice));
        Assert.Equal(100m, replaced.FilledQuantity + done.FilledQuantity);
        var position = Assert.Single(await _h.Broker.GetPositionsAsync());
        Assert.Equal((100m, 100.035m), (position.Quantity, position.AverageEntryPrice));
        Assert.Equal(100_000m - replaced.FilledNotional - done.FilledNotional, (await _h.Broker.GetAccountAsync()).Cash);
    }

    [Fact]
    public async Task Replacing_releases_the_old_reservation_before_checking_the_new_one()
    {
        using var small = new PaperBrokerHarness(new PaperBrokerOptions { InitialCash = 10_000m });
        small.Quote("SPY", 0, 99.90m, 100.10m);
        var first = await small.BuyLimit("c-1", "SPY", 99m, 100.00m);

        var second = await small.Broker.ReplaceOrderAsync(first.Id, new OrderReplacement("c-2", 100m, 100.00m));

        Assert.Equal(0m, (await small.Broker.GetAccountAsync()).BuyingPower);
        var tooBig = await Assert.ThrowsAsync<OrderRejectedException>(() => small.Broker.ReplaceOrderAsync(second.Id, new OrderReplacement("c-3", 100m, 100.01m)));
        Assert.Equal(RejectionReason.InsufficientBuyingPower, tooBig.Reason);
    }

    [Fact]
    public async Task Replacing_a_sell_releases_the_shares_it_offered()
    {
        await _h.Hold("SPY", 10m, 100m);
        var first = await _h.SellLimit("s-1", "SPY", 10m, 105m);

        var second = await _h.Broker.ReplaceOrderAsync(first.Id, new OrderReplacement("s-2", 10m, 104m));

        Assert.Equal((OrderSide.Sell, 104m), (second.Side, second.LimitPrice));
    }

    [Fact]
    public async Task A_refused_replacement_leaves_the_old_order_open_and_unchanged_and_the_new_client_order_id_free()
    {
        _h.Quote("SPY", 0, 99.90m, 100.10m);
        var first = await _h.BuyLimit("c-1", "SPY", 10m, 100.00m);
        var before = await _h.Broker.GetOrderAsync(first.Id);

        var duplicate = await Assert.ThrowsAsync<OrderRejectedException>(() => _h.Broker.ReplaceOrderAsync(first.Id, new OrderReplacement("c-1", 10m, 100.05m)));
        var invalid = await Assert.ThrowsAsync<OrderRejectedException>(() => _h.Broker.ReplaceOrderAsync(first.Id, new OrderReplacement("c-2", 0m, 100.05m)));
        var subPenny = await Assert.ThrowsAsync<OrderRejectedException>(() => _h.Broker.ReplaceOrderAsync(first.Id, new OrderReplacement("c-2", 10m, 100.055m)));

        Assert.Equal(RejectionReason.DuplicateClientOrderId, duplicate.Reason);
        Assert.Equal((RejectionReason.Invalid, RejectionReason.Invalid), (invalid.Reason, subPenny.Reason));
        Assert.Equal(before, await _h.Broker.GetOrderAsync(first.Id));
        Assert.Null(await _h.Broker.GetOrderByClientIdAsync("c-2"));
        Assert.Equal("paper-000002", (await _h.Broker.ReplaceOrderAsync(first.Id, new OrderReplacement("c-2", 10m, 100.05m))).Id);
    }

    [Fact]
    public async Task An_order_that_is_no_longer_open_cannot_be_replaced()
    {
        _h.Quote("SPY", 0, 99.99m, 100.00m);
        var filled = await _h.BuyLimit("c-1", "SPY", 10m, 100.00m);
        _h.At(1);

        var rejection = await Assert.ThrowsAsync<OrderRejectedException>(() => _h.Broker.ReplaceOrderAsync(filled.Id, new OrderReplacement("c-2", 10m, 100.01m)));

        Assert.Equal(RejectionReason.Invalid, rejection.Reason);
        Assert.Contains("filled", rejection.Message, StringComparison.Ordinal);
        Assert.Null(await _h.Broker.GetOrderByClientIdAsync("c-2"));
    }

    [Fact]
    public async Task Replacing_an_unknown_order_is_not_found()
    {
        var missing = await Assert.ThrowsAsync<OrderNotFoundException>(() => _h.Broker.ReplaceOrderAsync("paper-000042", new OrderReplacement("c-2", 1m, 100m)));

        Assert.Equal("paper-000042", missing.OrderId);
    }
}
