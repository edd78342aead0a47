using Alchemiser.Core.Brokerage;
using Alchemiser.Local.Tests.Sessions;

namespace Alchemiser.Local.Tests.Brokerage;

/// <summary>Several tasks, and several brokers on one file, may call at once: every order gets its own number, a client order id is taken once.</summary>
public sealed class PaperBrokerConcurrencyTests : IDisposable
{
    private readonly PaperBrokerHarness _h = new();

    public PaperBrokerConcurrencyTests() => _h.Quote("SPY", 0, 99.99m, 100.00m, askSize: 7m);

    public void Dispose() => _h.Dispose();

    [Fact]
    public async Task Concurrent_submissions_get_distinct_consecutive_ids_and_reserve_exactly()
    {
        var orders = await Concurrently.Run(24, i => _h.BuyLimit($"c-{i:D2}", "SPY", 10m, 95m));

        Assert.Equal(Enumerable.Range(1, 24).Select(n => $"paper-{n:D6}"), orders.Select(o => o.Id).Order(StringComparer.Ordinal));
        Assert.Equal(100_000m - (24 * 950m), (await _h.Broker.GetAccountAsync()).BuyingPower);
    }

    [Fact]
    public async Task Of_concurrent_submissions_with_one_client_order_id_exactly_one_is_taken()
    {
        var outcomes = await Concurrently.Run(12, async i =>
        {
            try
            {
                await _h.BuyLimit("same", "SPY", 1m + i, 95m);
                return (RejectionReason?)null;
            }
            catch (OrderRejectedException e)
            {
                return e.Reason;
            }
        });

        Assert.Single(outcomes, o => o is null);
        Assert.All(outcomes.Where(o => o is not null), o => Assert.Equal(RejectionReason.DuplicateClientOrderId, o));
        Assert.Equal("paper-000001", (await _h.Broker.GetOrderByClientIdAsync("same"))!.Id);
    }

    [Fact]
    public async Task Two_brokers_on_one_file_match_and_number_orders_as_one_account()
    {
        var other = _h.Open();
        var orders = await Concurrently.Run(10, i => (i % 2 == 0 ? _h.Broker : other).SubmitOrderAsync(OrderRequest.Limit($"c-{i}", "SPY", OrderSide.Buy, 10m, 100m)));
        _h.At(30);

        var results = await Concurrently.Run(10, i => (i % 2 == 0 ? other : _h.Broker).GetOrderAsync(orders[i].Id));

        Assert.Equal(10, orders.Select(o => o.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.All(results, o => Assert.Equal(OrderStatus.Filled, o.Status));
        Assert.Equal(100m, Assert.Single(await other.GetPositionsAsync()).Quantity);
        Assert.Equal(100_000m - 10_000m, (await _h.Broker.GetAccountAsync()).Cash);
    }

    [Fact]
    public async Task A_broker_sees_what_another_broker_on_the_file_did_since_its_last_call()
    {
        var other = _h.Open();
        var mine = await _h.BuyLimit("c-1", "SPY", 10m, 95m);
        Assert.Equal(100_000m - 950m, (await _h.Broker.GetAccountAsync()).BuyingPower);

        var theirs = await other.SubmitOrderAsync(OrderRequest.Limit("c-2", "SPY", OrderSide.Buy, 10m, 100m));
        await other.CancelOrderAsync(mine.Id);
        _h.At(2);
        await other.GetAccountAsync();

        Assert.Equal(OrderStatus.Canceled, (await _h.Broker.GetOrderAsync(mine.Id)).Status);
        var account = await _h.Broker.GetAccountAsync();
        Assert.Equal((100_000m - 1_000m, 100_000m - 1_000m), (account.Cash, account.BuyingPower)); // theirs: 7 then 3 at 100
        Assert.Equal(OrderStatus.Filled, (await _h.Broker.GetOrderAsync(theirs.Id)).Status);
        var duplicate = await Assert.ThrowsAsync<OrderRejectedException>(() => _h.BuyLimit("c-2", "SPY", 1m, 90m));
        Assert.Equal(RejectionReason.DuplicateClientOrderId, duplicate.Reason);
        Assert.Equal("paper-000003", (await _h.BuyLimit("c-3", "SPY", 1m, 90m)).Id);
    }
}
