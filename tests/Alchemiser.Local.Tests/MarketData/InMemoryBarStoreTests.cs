using Alchemiser.Core.Errors;
using Alchemiser.Core.MarketData;
using Alchemiser.Local.MarketData;
using static Alchemiser.Local.Tests.MarketData.Bars;

namespace Alchemiser.Local.Tests.MarketData;

public class InMemoryBarStoreTests
{
    [Fact]
    public void Holds_the_series_put_into_it_and_lists_symbols_in_ordinal_order()
    {
        var store = new InMemoryBarStore();
        store.Put("SPY", [Close("2024-01-02", 1m)]);
        store.Put("BRK/B", [Close("2024-01-02", 2m)]);
        store.Put("AAPL", [Close("2024-01-02", 3m)]);

        Assert.Equal(["AAPL", "BRK/B", "SPY"], store.Symbols());
        Assert.True(store.Contains("SPY"));
        Assert.Equal([Close("2024-01-02", 1m)], store.GetBars("SPY"));
    }

    [Fact]
    public void Can_be_built_from_a_dictionary_of_series()
    {
        var store = new InMemoryBarStore(new Dictionary<string, IReadOnlyList<DailyBar>> { ["QQQ"] = [Close("2024-01-02", 5m)] });

        Assert.Equal(5m, Assert.Single(store.GetBars("QQQ")).Close);
    }

    [Fact]
    public void Putting_a_symbol_again_replaces_its_series()
    {
        var store = new InMemoryBarStore();
        store.Put("SPY", [Close("2024-01-02", 1m), Close("2024-01-03", 1m)]);
        store.Put("SPY", [Close("2024-01-02", 9m)]);

        Assert.Equal(9m, Assert.Single(store.GetBars("SPY")).Close);
    }

    [Fact]
    public void An_absent_symbol_is_a_data_error_naming_it()
    {
        var error = Assert.Throws<MarketDataException>(() => new InMemoryBarStore().GetBars("XYZ"));

        Assert.Contains("'XYZ'", error.Message, StringComparison.Ordinal);
        Assert.False(new InMemoryBarStore().Contains("XYZ"));
    }

    [Fact]
    public void Keeps_its_own_copy_of_the_bars()
    {
        var bars = new List<DailyBar> { Close("2024-01-02", 1m) };
        var store = new InMemoryBarStore();
        store.Put("SPY", bars);

        bars.Add(Close("2024-01-03", 2m));

        Assert.Single(store.GetBars("SPY"));
    }

    [Fact]
    public void Refuses_series_that_break_the_port_contract()
    {
        var store = new InMemoryBarStore();

        Assert.Throws<ArgumentException>(() => store.Put("SPY", [Close("2024-01-03", 1m), Close("2024-01-02", 1m)]));
        Assert.Throws<ArgumentException>(() => store.Put("SPY", [Close("2024-01-02", 0m)]));
        Assert.False(store.Contains("SPY"));
    }
}
