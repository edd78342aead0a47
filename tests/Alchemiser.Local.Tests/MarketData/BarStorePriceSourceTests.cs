using Alchemiser.Core.Errors;
using Alchemiser.Core.MarketData;
using Alchemiser.Dsl.Pricing;
using Alchemiser.Local.MarketData;
using static Alchemiser.Local.Tests.MarketData.Bars;

namespace Alchemiser.Local.Tests.MarketData;

public class BarStorePriceSourceTests
{
    [Fact]
    public void Gives_each_bar_as_its_date_and_close_converted_to_double()
    {
        var store = new InMemoryBarStore();
        store.Put("SPY", [Bar("2024-01-02", 1m, 2m, 0.5m, 472.65m, 10), Bar("2024-01-03", 1m, 2m, 0.5m, 0.1m, 10)]);

        var bars = new BarStorePriceSource(store).GetBars("SPY");

        Assert.Equal([new PriceBar(new DateOnly(2024, 1, 2), 472.65), new PriceBar(new DateOnly(2024, 1, 3), 0.1)], bars);
    }

    [Fact]
    public void Converts_closes_with_the_exact_decimal_to_double_conversion()
    {
        var close = 123456.78901234567890123m;
        var store = new InMemoryBarStore();
        store.Put("X", [Close("2024-01-02", close)]);

        var bar = Assert.Single(new BarStorePriceSource(store).GetBars("X"));

        Assert.Equal((double)close, bar.Close);
    }

    [Fact]
    public void A_symbol_the_store_does_not_contain_has_zero_bars()
    {
        var source = new BarStorePriceSource(new InMemoryBarStore());

        Assert.Empty(source.GetBars("XYZ"));
    }

    [Fact]
    public void Each_symbol_is_read_from_the_store_and_converted_once()
    {
        var store = new CountingStore();
        store.Inner.Put("SPY", [Close("2024-01-02", 1m)]);
        var source = new BarStorePriceSource(store);

        var results = new IReadOnlyList<PriceBar>[16];
        Parallel.For(0, results.Length, i => results[i] = source.GetBars("SPY"));

        Assert.Equal(1, store.Reads);
        Assert.All(results, r => Assert.Same(results[0], r));
    }

    [Fact]
    public void A_malformed_series_in_the_store_surfaces_as_its_data_error()
    {
        using var folder = new TempFolder();
        folder.Write("SPY.csv", "date,open,high,low,close,volume\n2024-01-02,1,1,1,x,1\n");

        var error = Assert.Throws<MarketDataException>(() => new BarStorePriceSource(new CsvBarStore(folder.Path)).GetBars("SPY"));

        Assert.StartsWith(folder.PathOf("SPY.csv") + ":2: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_returned_bars_cannot_be_changed_by_a_caller()
    {
        var store = new InMemoryBarStore();
        store.Put("SPY", [Close("2024-01-02", 1m)]);

        Assert.IsNotType<PriceBar[]>(new BarStorePriceSource(store).GetBars("SPY"));
    }

    private sealed class CountingStore : IBarStore
    {
        private int _reads;

        public InMemoryBarStore Inner { get; } = new();

        public int Reads => _reads;

        public IReadOnlyList<string> Symbols() => Inner.Symbols();

        public bool Contains(string symbol) => Inner.Contains(symbol);

        public IReadOnlyList<DailyBar> GetBars(string symbol)
        {
            Interlocked.Increment(ref _reads);
            Thread.Sleep(20);
            return Inner.GetBars(symbol);
        }
    }
}
