using System.Globalization;
using Alchemiser.Core.Brokerage;
using Alchemiser.Core.MarketData;
using Alchemiser.Local.Brokerage;
using Alchemiser.Local.MarketData;
using Alchemiser.Local.Tests.MarketData;
using Alchemiser.Local.Time;
using Microsoft.Data.Sqlite;
using static Alchemiser.Local.Tests.MarketData.Bars;

namespace Alchemiser.Local.Tests.Brokerage;

/// <summary>
/// An executor's afternoon on the bar-drawn market: 30 buys placed at the bid at 15:30, walked towards the ask in
/// three 10-second steps, then sent to market. Everything fills, the books balance, and a rerun is identical.
/// </summary>
public sealed class PaperBrokerSimulatedDayTests : IDisposable
{
    private const string Day = "2025-06-10";
    private const decimal SharesEach = 250m;
    private const decimal InitialCash = 2_000_000m;

    private static readonly string[] Symbols = Enumerable.Range(0, 30).Select(i => "S" + i.ToString("D2", CultureInfo.InvariantCulture)).ToArray();

    private readonly TempFolder _folder = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    [Fact]
    public async Task Thirty_orders_walked_through_the_spread_then_to_market_all_fill_and_the_books_balance()
    {
        var (broker, orders) = await WalkTheSpread("first.db");

        foreach (var symbol in Symbols)
        {
            Assert.Equal(SharesEach, orders.Where(o => o.Symbol == symbol).Sum(o => o.FilledQuantity));
        }

        Assert.All(orders, o => Assert.False(o.IsOpen));
        var positions = await broker.GetPositionsAsync();
        Assert.Equal(Symbols, positions.Select(p => p.Symbol));
        Assert.All(positions, p => Assert.Equal(SharesEach, p.Quantity));
        var spent = orders.Sum(o => o.FilledNotional);
        var account = await broker.GetAccountAsync();
        Assert.Equal((InitialCash - spent, InitialCash - spent), (account.Cash, account.BuyingPower));
        Assert.Equal(spent, positions.Sum(p => p.CostBasis), 20);
    }

    [Fact]
    public async Task The_same_afternoon_run_twice_gives_the_same_orders()
    {
        var (_, first) = await WalkTheSpread("first.db");
        var (_, second) = await WalkTheSpread("second.db");

        Assert.Equal(first, second);
    }

    /// <summary>The afternoon on a new file: the orders of every step, in symbol then step order.</summary>
    internal async Task<(PaperBroker Broker, IReadOnlyList<BrokerOrder> Orders)> WalkTheSpread(string file)
    {
        var clock = SimulatedClock.At(NewYork.Date(Day), new TimeOnly(15, 30));
        var broker = new PaperBroker(_folder.PathOf(file), new BarMarketModel(Market()), clock, new PaperBrokerOptions { InitialCash = InitialCash });
        var current = new Dictionary<string, BrokerOrder>(StringComparer.Ordinal);
        var quotes = await broker.GetLatestQuotesAsync(Symbols);
        foreach (var symbol in Symbols)
        {
            current[symbol] = await broker.SubmitOrderAsync(OrderRequest.Limit(symbol + "-0", symbol, OrderSide.Buy, SharesEach, quotes[symbol].Bid));
        }

        for (var step = 1; step <= 3; step++)
        {
            await clock.DelayAsync(TimeSpan.FromSeconds(10));
            foreach (var symbol in Symbols)
            {
                var order = await broker.GetOrderAsync(current[symbol].Id);
                if (order.IsOpen)
                {
                    var quote = (await broker.GetLatestQuotesAsync([symbol]))[symbol];
                    var limit = decimal.Round(quote.Bid + (quote.Spread * step / 3m), 2);
                    var clientOrderId = symbol + "-" + step.ToString(CultureInfo.InvariantCulture);
                    current[symbol] = await broker.ReplaceOrderAsync(order.Id, new OrderReplacement(clientOrderId, order.RemainingQuantity, limit));
                }
            }
        }

        await clock.DelayAsync(TimeSpan.FromSeconds(10));
        foreach (var symbol in Symbols)
        {
            var order = await broker.GetOrderAsync(current[symbol].Id);
            if (order.IsOpen)
            {
                await broker.CancelOrderAsync(order.Id);
                var remaining = (await broker.GetOrderAsync(order.Id)).RemainingQuantity;
                await broker.SubmitOrderAsync(OrderRequest.Market(symbol + "-m", symbol, OrderSide.Buy, remaining));
            }
        }

        await clock.DelayAsync(TimeSpan.FromSeconds(1));
        var orders = new List<BrokerOrder>();
        foreach (var symbol in Symbols)
        {
            foreach (var suffix in new[] { "-0", "-1", "-2", "-3", "-m" })
            {
                if (await broker.GetOrderByClientIdAsync(symbol + suffix) is { } order)
                {
                    orders.Add(order);
                }
            }
        }

        return (broker, orders);
    }

    private static InMemoryBarStore Market()
    {
        var store = new InMemoryBarStore();
        for (var i = 0; i < Symbols.Length; i++)
        {
            var price = 20m + (7.5m * i);
            store.Put(Symbols[i], [Close("2025-06-09", price), Bar(Day, price, price * 1.02m, price * 0.975m, price * 1.01m, 1_000_000)]);
        }

        return store;
    }
}
