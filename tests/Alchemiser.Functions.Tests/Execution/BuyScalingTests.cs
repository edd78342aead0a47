using Alchemiser.Execution;

namespace Alchemiser.Functions.Tests.Execution;

/// <summary>The buy phase is scaled pro rata to what buying power pays, whole shares kept whole.</summary>
public sealed class BuyScalingTests
{
    [Fact]
    public void Buys_that_fit_the_budget_are_left_as_they_are()
    {
        Assert.Equal([10m, 5.5m], BuyScaling.ScaleToBudget([(10m, 100m), (5.5m, 50m)], budget: 1275m));
    }

    [Fact]
    public void Buys_over_budget_shrink_by_one_factor_whole_shares_down_and_fractions_toward_zero_to_nine_places()
    {
        // cost 1000 + 275 = 1275; factor 1000 / 1275 = 0.78431372549...
        var scaled = BuyScaling.ScaleToBudget([(10m, 100m), (5.5m, 50m)], budget: 1000m);

        Assert.Equal([7m, 4.313725490m], scaled);
        Assert.True((scaled[0] * 100m) + (scaled[1] * 50m) <= 1000m);
    }

    [Fact]
    public void The_budget_keeps_the_buffer_back_and_is_never_negative()
    {
        Assert.Equal(9950m, BuyScaling.Budget(10_000m, 0.005m));
        Assert.Equal(0m, BuyScaling.Budget(-50m, 0.005m));
    }

    [Fact]
    public void Without_a_budget_every_buy_scales_to_nothing()
    {
        Assert.Equal([0m, 0m], BuyScaling.ScaleToBudget([(3m, 10m), (0.5m, 10m)], budget: 0m));
    }
}
