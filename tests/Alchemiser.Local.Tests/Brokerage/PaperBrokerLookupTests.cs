using Alchemiser.Core.Brokerage;

namespace Alchemiser.Local.Tests.Brokerage;

/// <summary>Orders are found by the broker's id and by the caller's client order id, whatever became of them.</summary>
public sealed class PaperBrokerLookupTests : IDisposable
{
    private readonly PaperBrokerHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Fact]
    public async Task Orders_are_found_by_client_order_id_in_every_state_and_an_unused_id_finds_nothing()
    {
        _h.Quote("SPY", 0, 99.99m, 100.00m);
        var filled = await _h.BuyLimit("filled", "SPY", 1m, 100.00m);
        var open = await _h.BuyLimit("open", "SPY", 1m, 90.00m);
        var cancelled = await _h.BuyLimit("cancelled", "SPY", 1m, 90.00m);
        var replaced = await _h.BuyLimit("replaced", "SPY", 1m, 90.00m);
        await _h.Broker.CancelOrderAsync(cancelled.Id);
        var replacement = await _h.Broker.ReplaceOrderAsync(replaced.Id, new OrderReplacement("replacement", 1m, 91.00m));
        _h.At(1);

        var byClient = new Dictionary<string, BrokerOrder?>(StringComparer.Ordinal);
        foreach (var id in new[] { "filled", "open", "cancelled", "replaced", "replacement", "never-used" })
        {
            byClient[id] = await _h.Broker.GetOrderByClientIdAsync(id);
        }

        Assert.Equal((filled.Id, OrderStatus.Filled), (byClient["filled"]!.Id, byClient["filled"]!.Status));
        Assert.Equal((open.Id, OrderStatus.New), (byClient["open"]!.Id, byClient["open"]!.Status));
        Assert.Equal((cancelled.Id, OrderStatus.Canceled), (byClient["cancelled"]!.Id, byClient["cancelled"]!.Status));
        Assert.Equal((replaced.Id, OrderStatus.Replaced, replacement.Id), (byClient["replaced"]!.Id, byClient["replaced"]!.Status, byClient["replaced"]!.ReplacedBy));
        Assert.Equal((replacement.Id, OrderStatus.New), (byClient["replacement"]!.Id, byClient["replacement"]!.Status));
        Assert.Null(byClient["never-used"]);
        foreach (var (_, order) in byClient.Where(o => o.Value is not null))
        {
            Assert.Equal(order, await _h.Broker.GetOrderAsync(order!.Id));
        }
    }

    [Fact]
    public async Task Order_ids_count_up_from_paper_000001()
    {
        _h.Quote("SPY", 0, 99.99m, 100.00m);

        var ids = new List<string>();
        for (var i = 1; i <= 3; i++)
        {
            ids.Add((await _h.BuyLimit("c-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), "SPY", 1m, 90m)).Id);
        }

        Assert.Equal(["paper-000001", "paper-000002", "paper-000003"], ids);
    }
}
