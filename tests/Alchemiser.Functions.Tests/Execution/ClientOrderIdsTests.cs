using Alchemiser.Core.Brokerage;
using Alchemiser.Execution;

namespace Alchemiser.Functions.Tests.Execution;

/// <summary>Client order ids are derived from the run, the symbol, the side and the step, and fit the broker's limit.</summary>
public sealed class ClientOrderIdsTests
{
    private const string Correlation = "6f1c2a9e-8b4d-4c37-9e52-1d0a7b3f5c84";

    [Fact]
    public void Limit_steps_are_numbered_from_one_and_match_the_sample_trade_executed()
    {
        var ids = new ClientOrderIds(Correlation, "TECL", OrderSide.Sell, 3);

        Assert.Equal("alc-6f1c2a9e-8b4d-4c37-9e52-1d0a7b3f5c84-TECL-sell-1", ids.Limit(1));
        Assert.Equal("alc-6f1c2a9e-8b4d-4c37-9e52-1d0a7b3f5c84-TECL-sell-3", ids.Limit(3));
    }

    [Fact]
    public void The_market_step_is_m_and_the_fractional_remainder_is_f()
    {
        var ids = new ClientOrderIds(Correlation, "BIL", OrderSide.Buy, 3);

        Assert.Equal("alc-6f1c2a9e-8b4d-4c37-9e52-1d0a7b3f5c84-BIL-buy-m", ids.Market);
        Assert.Equal("alc-6f1c2a9e-8b4d-4c37-9e52-1d0a7b3f5c84-BIL-buy-f", ids.Fractional);
    }

    [Fact]
    public void The_same_trade_of_the_same_run_always_gets_the_same_ids()
    {
        var first = new ClientOrderIds(Correlation, "URA", OrderSide.Buy, 3);
        var again = new ClientOrderIds(Correlation, "URA", OrderSide.Buy, 3);

        Assert.Equal([first.Limit(1), first.Limit(2), first.Limit(3), first.Market, first.Fractional], [again.Limit(1), again.Limit(2), again.Limit(3), again.Market, again.Fractional]);
        Assert.NotEqual(first.Limit(1), new ClientOrderIds(Correlation, "URA", OrderSide.Sell, 3).Limit(1));
    }

    [Fact]
    public void An_id_of_exactly_128_characters_is_accepted_and_one_more_is_refused()
    {
        var fits = new string('c', ClientOrderIds.MaxLength - "alc--SPY-sell-1".Length);

        Assert.Equal(128, new ClientOrderIds(fits, "SPY", OrderSide.Sell, 1).Limit(1).Length);
        var error = Assert.Throws<ArgumentException>(() => new ClientOrderIds(fits + "c", "SPY", OrderSide.Sell, 1));
        Assert.Contains("has 129 characters; the broker accepts at most 128", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Steps_outside_the_walk_have_no_id()
    {
        var ids = new ClientOrderIds(Correlation, "URA", OrderSide.Buy, 3);

        Assert.Throws<ArgumentOutOfRangeException>(() => ids.Limit(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ids.Limit(4));
        Assert.Throws<ArgumentException>(() => new ClientOrderIds("run 1", "URA", OrderSide.Buy, 3));
    }
}
