using Alchemiser.Core.Brokerage;
using Alchemiser.Local.Brokerage;
using Alchemiser.Local.Tests.MarketData;
using Alchemiser.Local.Time;
using Microsoft.Data.Sqlite;

namespace Alchemiser.Local.Tests.Brokerage;

/// <summary>
/// A paper broker on a fresh file, a scripted market and a simulated clock standing at 10:00 New York on Tuesday
/// 2025-06-10 (14:00 UTC, on the one-second matching grid).
/// </summary>
internal sealed class PaperBrokerHarness : IDisposable
{
    public const string Day = "2025-06-10";

    private readonly TempFolder _folder = new();

    public PaperBrokerHarness(PaperBrokerOptions? options = null)
    {
        Broker = Open(options);
    }

    public static DateTimeOffset Ten { get; } = NewYork.At(Day, 10, 0);

    public SimulatedClock Clock { get; } = new(Ten);

    public ScriptedMarketModel Market { get; } = new();

    public PaperBroker Broker { get; }

    public string DatabasePath => _folder.PathOf("paper.db");

    /// <summary>Another broker on the same file, market and clock.</summary>
    public PaperBroker Open(PaperBrokerOptions? options = null) => new(DatabasePath, Market, Clock, options);

    /// <summary>Quotes <paramref name="symbol"/> from <paramref name="secondsAfterTen"/> seconds after 10:00 on.</summary>
    public void Quote(string symbol, double secondsAfterTen, decimal bid, decimal ask, decimal bidSize = 1000m, decimal askSize = 1000m) =>
        Market.SetQuote(symbol, Ten.AddSeconds(secondsAfterTen), bid, ask, bidSize, askSize);

    /// <summary>Moves the clock to <paramref name="seconds"/> seconds after 10:00.</summary>
    public void At(double seconds) => Clock.Set(Ten.AddSeconds(seconds));

    public Task<BrokerOrder> BuyLimit(string clientOrderId, string symbol, decimal quantity, decimal limit) =>
        Broker.SubmitOrderAsync(OrderRequest.Limit(clientOrderId, symbol, OrderSide.Buy, quantity, limit));

    public Task<BrokerOrder> SellLimit(string clientOrderId, string symbol, decimal quantity, decimal limit) =>
        Broker.SubmitOrderAsync(OrderRequest.Limit(clientOrderId, symbol, OrderSide.Sell, quantity, limit));

    /// <summary>Buys <paramref name="quantity"/> at <paramref name="price"/> by quoting that ask for one tick, and returns the clock to where it was plus that tick.</summary>
    public async Task Hold(string symbol, decimal quantity, decimal price)
    {
        var start = Clock.UtcNow;
        Market.SetQuote(symbol, start, price - 0.01m, price, 1_000_000m, 1_000_000m);
        var order = await Broker.SubmitOrderAsync(OrderRequest.Market("hold-" + symbol + "-" + start.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture), symbol, OrderSide.Buy, quantity));
        Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(OrderStatus.Filled, (await Broker.GetOrderAsync(order.Id)).Status);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}
