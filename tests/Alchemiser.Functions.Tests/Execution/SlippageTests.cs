using Alchemiser.Core.Brokerage;
using Alchemiser.Execution;

namespace Alchemiser.Functions.Tests.Execution;

/// <summary>Slippage against the arrival mid, in basis points, positive when the fill is worse for the account.</summary>
public sealed class SlippageTests
{
    [Theory]
    [InlineData(OrderSide.Buy, 100.05, 5.00)]
    [InlineData(OrderSide.Buy, 99.95, -5.00)]
    [InlineData(OrderSide.Sell, 99.95, 5.00)]
    [InlineData(OrderSide.Sell, 100.05, -5.00)]
    [InlineData(OrderSide.Buy, 100.0123, 1.23)]
    [InlineData(OrderSide.Buy, 100.00125, 0.13)] // 0.125 rounds half away from zero
    public void Paying_above_the_mid_or_selling_below_it_is_positive(OrderSide side, double fill, double expected)
    {
        Assert.Equal((decimal)expected, Slippage.BasisPoints(side, (decimal)fill, 100m));
    }

    [Fact]
    public void Without_an_arrival_mid_there_is_no_slippage()
    {
        Assert.Null(Slippage.BasisPoints(OrderSide.Buy, 36.13m, null));
    }
}
