using Alchemiser.Core.Errors;
using Alchemiser.Core.MarketData;
using static Alchemiser.Local.Tests.MarketData.Bars;

namespace Alchemiser.Local.Tests.MarketData;

/// <summary>
/// The <see cref="IBarStore"/> port's contract, run against every implementation (CSV folder, in-memory, S3): a
/// derived class only says how to make a store holding some series.
/// </summary>
public abstract class BarStoreContract
{
    private static readonly DailyBar[] Spy = [Close("2024-01-02", 470.5m), Bar("2024-01-03", 470m, 471.25m, 466.1m, 468.79m, 12_345_678), Close("2024-01-04", 467.28m)];
    private static readonly DailyBar[] BrkB = [Close("2024-01-02", 362.46m), Close("2024-01-03", 360.01m)];

    /// <summary>A store holding exactly <paramref name="series"/>.</summary>
    protected abstract IBarStore CreateStore(IReadOnlyDictionary<string, DailyBar[]> series);

    private IBarStore Store() => CreateStore(new Dictionary<string, DailyBar[]>(StringComparer.Ordinal) { ["SPY"] = Spy, ["BRK/B"] = BrkB });

    [Fact]
    public void Returns_every_bar_exactly_oldest_first()
    {
        Assert.Equal(Spy, Store().GetBars("SPY"));
    }

    [Fact]
    public void Lists_its_symbols_in_ordinal_order_with_slashes_intact()
    {
        Assert.Equal(["BRK/B", "SPY"], Store().Symbols());
    }

    [Fact]
    public void Knows_which_symbols_it_holds()
    {
        var store = Store();
        Assert.True(store.Contains("SPY"));
        Assert.True(store.Contains("BRK/B"));
        Assert.False(store.Contains("QQQ"));
    }

    [Fact]
    public void An_absent_symbol_is_a_data_error_that_names_it()
    {
        var e = Assert.Throws<MarketDataException>(() => Store().GetBars("QQQ"));
        Assert.Contains("QQQ", e.Message, StringComparison.Ordinal);
        Assert.Equal(ErrorCategory.Data, e.Category);
    }

    [Fact]
    public void Reading_twice_gives_the_same_bars()
    {
        var store = Store();
        Assert.Equal(store.GetBars("BRK/B"), store.GetBars("BRK/B"));
    }
}
