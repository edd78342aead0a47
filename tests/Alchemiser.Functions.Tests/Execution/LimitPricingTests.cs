using Alchemiser.Core.Brokerage;
using Alchemiser.Core.MarketData;
using Alchemiser.Execution;

namespace Alchemiser.Functions.Tests.Execution;

/// <summary>Each step's limit price: inside the spread by the step's fraction, on the tick, from the last trade when the quote is unusable.</summary>
public sealed class LimitPricingTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 30, 19, 30, 0, TimeSpan.Zero);
    private static readonly TimeSpan Staleness = TimeSpan.FromSeconds(60);

    private static Quote QuoteOf(decimal bid, decimal ask, DateTimeOffset? at = null) => new("URA", bid, ask, 100m, 100m, at ?? Now);

    private static decimal? Price(OrderSide side, decimal fraction, Quote? quote, decimal? last = null) =>
        LimitPricing.StepPrice(side, fraction, quote, last is { } p ? new LatestPrice("URA", p, Now) : null, Now, Staleness);

    [Theory]
    [InlineData(0.50, 100.05)]
    [InlineData(0.75, 100.07)] // 100.075 rounds down: a buy never pays more than its step
    [InlineData(0.95, 100.09)] // 100.095
    public void A_buy_bids_the_bid_plus_the_step_fraction_of_the_spread_rounded_down_to_the_cent(double fraction, double expected)
    {
        Assert.Equal((decimal)expected, Price(OrderSide.Buy, (decimal)fraction, QuoteOf(100.00m, 100.10m)));
    }

    [Theory]
    [InlineData(0.50, 100.05)]
    [InlineData(0.75, 100.03)] // 100.025 rounds up: a sell never takes less than its step
    [InlineData(0.95, 100.01)] // 100.005
    public void A_sell_offers_the_ask_minus_the_step_fraction_of_the_spread_rounded_up_to_the_cent(double fraction, double expected)
    {
        Assert.Equal((decimal)expected, Price(OrderSide.Sell, (decimal)fraction, QuoteOf(100.00m, 100.10m)));
    }

    [Fact]
    public void Below_one_dollar_the_tick_is_a_hundredth_of_a_cent()
    {
        var quote = QuoteOf(0.5000m, 0.5010m);

        Assert.Equal(0.5007m, Price(OrderSide.Buy, 0.75m, quote)); // 0.50075
        Assert.Equal(0.5003m, Price(OrderSide.Sell, 0.75m, quote)); // 0.50025
        Assert.Equal(0.0001m, LimitPricing.TickSize(0.9999m));
        Assert.Equal(0.01m, LimitPricing.TickSize(1m));
    }

    [Fact]
    public void A_quote_older_than_the_staleness_limit_falls_back_to_the_last_trade_on_the_tick()
    {
        var stale = QuoteOf(100.00m, 100.10m, Now - TimeSpan.FromSeconds(61));

        Assert.Equal(36.13m, Price(OrderSide.Buy, 0.5m, stale, last: 36.137m));
        Assert.Equal(36.14m, Price(OrderSide.Sell, 0.5m, stale, last: 36.137m));
    }

    [Fact]
    public void A_quote_exactly_at_the_staleness_limit_is_still_used()
    {
        Assert.Equal(100.05m, Price(OrderSide.Buy, 0.5m, QuoteOf(100.00m, 100.10m, Now - Staleness), last: 36m));
    }

    [Theory]
    [InlineData(0.0, 100.10)] // no bid
    [InlineData(100.00, 0.0)] // no ask
    [InlineData(100.20, 100.10)] // crossed
    public void A_one_sided_or_crossed_quote_falls_back_to_the_last_trade(double bid, double ask)
    {
        Assert.Equal(99.87m, Price(OrderSide.Buy, 0.95m, QuoteOf((decimal)bid, (decimal)ask), last: 99.87m));
    }

    [Fact]
    public void With_neither_a_usable_quote_nor_a_last_trade_there_is_no_limit_price()
    {
        Assert.Null(Price(OrderSide.Buy, 0.5m, null));
        Assert.Null(Price(OrderSide.Sell, 0.5m, QuoteOf(0m, 0m)));
    }
}
