using Alchemiser.Core.MarketData;
using Alchemiser.Local.MarketData;
using static Alchemiser.Local.Tests.MarketData.Bars;

namespace Alchemiser.Local.Tests.MarketData;

/// <summary>The quotes port with no broker: the last close, timed at that day's New York close.</summary>
public class BarStoreQuoteSourceTests
{
    [Fact]
    public async Task The_latest_price_is_the_last_close_at_four_in_new_york_and_unknown_symbols_are_left_out()
    {
        var store = new InMemoryBarStore();
        store.Put("SPY", [Close("2024-07-02", 545.1m), Close("2024-07-03", 547.2m)]);

        var prices = await new BarStoreQuoteSource(store).GetLatestPricesAsync(["SPY", "NOPE"]);

        var spy = Assert.Single(prices).Value;
        Assert.Equal(547.2m, spy.Price);
        Assert.Equal(new DateTimeOffset(2024, 7, 3, 20, 0, 0, TimeSpan.Zero), spy.Timestamp); // 16:00 EDT
    }
}

/// <summary>The market-calendar port over NYSE rules.</summary>
public class NyseMarketCalendarTests
{
    [Theory]
    [InlineData("2025-12-25", false, false, "Christmas Day")]
    [InlineData("2025-11-22", false, false, "weekend")]
    [InlineData("2025-11-28", true, true, null)]
    [InlineData("2025-06-30", true, false, null)]
    public async Task Says_whether_a_day_trades_closes_early_or_why_it_is_closed(string date, bool open, bool early, string? reason)
    {
        var day = await new NyseMarketCalendar().GetDayAsync(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal((open, early), (day.IsOpen, day.IsEarlyClose));
        Assert.Equal(reason, day.ClosedReason);
    }
}
