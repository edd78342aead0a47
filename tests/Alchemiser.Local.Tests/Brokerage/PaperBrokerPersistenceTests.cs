using Alchemiser.Core.Brokerage;
using Alchemiser.Core.Errors;
using Alchemiser.Local.Brokerage;
using Alchemiser.Local.Ledger;
using Alchemiser.Local.Tests.Ledger;
using Microsoft.Data.Sqlite;

namespace Alchemiser.Local.Tests.Brokerage;

/// <summary>The account lives in its SQLite file: a new broker on the file carries on where the last one stopped.</summary>
public sealed class PaperBrokerPersistenceTests : IDisposable
{
    private readonly PaperBrokerHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Fact]
    public async Task A_new_broker_on_the_same_file_sees_the_same_account_and_keeps_matching_its_open_orders()
    {
        _h.Quote("SPY", 0, 99.99m, 100.00m, askSize: 60m);
        _h.Quote("SPY", 1.5, 100.05m, 100.10m);
        _h.Quote("SPY", 30, 99.99m, 100.00m);
        var order = await _h.BuyLimit("c-1", "SPY", 100.5m, 100.00m);
        _h.At(2);
        var account = await _h.Broker.GetAccountAsync();
        var partly = await _h.Broker.GetOrderAsync(order.Id);
        SqliteConnection.ClearAllPools();

        var reopened = _h.Open(new PaperBrokerOptions { InitialCash = 5m });

        Assert.Equal(account, await reopened.GetAccountAsync());
        Assert.Equal(partly, await reopened.GetOrderAsync(order.Id));
        Assert.Equal(partly, await reopened.GetOrderByClientIdAsync("c-1"));
        Assert.Equal(new BrokerPosition("SPY", 60m, 100.00m, 100.00m, 6_000m), Assert.Single(await reopened.GetPositionsAsync()));
        _h.At(30);
        var filled = await reopened.GetOrderAsync(order.Id);
        Assert.Equal((OrderStatus.Filled, 100.5m, 100.00m), (filled.Status, filled.FilledQuantity, filled.FilledAveragePrice));
        Assert.Equal("paper-000002", (await reopened.SubmitOrderAsync(OrderRequest.Limit("c-2", "SPY", OrderSide.Buy, 1m, 90m))).Id);
        Assert.Equal(2, (await reopened.GetExecutionsAsync(order.Id)).Count);
        Assert.Equal(100_000m - 10_050m, (await reopened.GetAccountAsync()).Cash);
    }

    [Fact]
    public async Task A_file_made_for_one_account_refuses_to_open_as_another()
    {
        await _h.Broker.GetAccountAsync();

        var other = _h.Open(new PaperBrokerOptions { AccountId = "someone-else" });

        var error = await Assert.ThrowsAsync<ConfigurationException>(() => other.GetAccountAsync());
        Assert.Contains("'paper'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_broker_shares_its_file_with_the_trade_ledger()
    {
        var ledger = new SqliteTradeLedger(_h.DatabasePath);
        Assert.True(await ledger.RecordAsync(LedgerSamples.Fill("f-1")));
        _h.Quote("SPY", 0, 99.99m, 100.00m);

        await _h.BuyLimit("c-1", "SPY", 1m, 100m);

        Assert.Single(await new SqliteTradeLedger(_h.DatabasePath).ByCorrelationAsync("corr-1"));
        Assert.NotNull(await _h.Open().GetOrderByClientIdAsync("c-1"));
    }

    [Fact]
    public async Task The_file_and_its_folder_are_created_on_first_use()
    {
        var path = Path.Combine(Path.GetDirectoryName(_h.DatabasePath)!, "state", "nested", "paper.db");
        var broker = new PaperBroker(path, _h.Market, _h.Clock);
        Assert.False(File.Exists(path));

        await broker.GetAccountAsync();

        Assert.True(File.Exists(path));
        Assert.Equal(Path.GetFullPath(path), broker.DatabasePath);
    }
}
