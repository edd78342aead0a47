using Alchemiser.Core.Trading;

namespace Alchemiser.Local.Tests.Ledger;

/// <summary>
/// <see cref="FillAttribution.Split"/> by table: shares and expected parts are written <c>id:number</c>, comma-separated;
/// parts compare by value (50 equals 50.000000000), ids in order.
/// </summary>
public sealed class FillAttributionTests
{
    [Theory]
    [InlineData("100", "a:1", 9, "a:100")]
    [InlineData("100", "a:0.5,b:0.5", 9, "a:50,b:50")]
    [InlineData("100", "a:3,b:1", 9, "a:75,b:25")]
    // 10 / 3 = 3.333333333 each; the residual 0.000000001 goes to the ordinal-smallest of the tied largest shares.
    [InlineData("10", "c:1,a:1,b:1", 9, "c:3.333333333,a:3.333333334,b:3.333333333")]
    // The residual goes to the largest share, wherever it stands.
    [InlineData("10", "a:1,b:1,c:2", 0, "a:2,b:2,c:6")]
    [InlineData("7", "a:0.2,b:0.3,c:0.5", 0, "a:1,b:2,c:4")]
    // Shares need not sum to one: they are normalised by their sum.
    [InlineData("1", "a:20,b:60,c:20", 2, "a:0.2,b:0.6,c:0.2")]
    // A zero share is left out.
    [InlineData("5", "a:0,b:1", 9, "b:5")]
    // A share too small for the precision is left out; its part goes to the largest share.
    [InlineData("1", "a:0.0001,b:0.9999", 2, "b:1")]
    // A fill finer than the precision: the largest share takes what rounding cannot place.
    [InlineData("1.5", "a:1,b:1", 0, "a:1.5")]
    [InlineData("0.000000003", "a:1,b:1,c:1", 9, "a:0.000000001,b:0.000000001,c:0.000000001")]
    public void A_fill_is_split_by_share_rounded_down_with_the_residual_on_the_largest_share(
        string fillQuantity, string shares, int decimals, string expected)
    {
        var parts = FillAttribution.Split(Number.Of(fillQuantity), Shares(shares), decimals);

        Assert.Equal(Shares(expected), parts.Select(p => (p.StrategyId, p.Quantity)));
        Assert.Equal(Number.Of(fillQuantity), parts.Sum(p => p.Quantity));
    }

    [Theory]
    [InlineData("1", "a:0.1,b:0.2,c:0.3,d:0.4")]
    [InlineData("1234.567891234", "x:1,y:1,z:1,w:1,v:1,u:1,t:1")]
    [InlineData("0.5", "a:0.333,b:0.333,c:0.334")]
    [InlineData("99999", "a:0.000001,b:7,c:13.5")]
    public void The_parts_sum_exactly_to_the_fill_and_none_is_more_than_a_unit_of_precision_below_its_exact_share(string fillQuantity, string shares)
    {
        var quantity = Number.Of(fillQuantity);
        var given = Shares(shares);
        var total = given.Sum(s => s.ShareOfDelta);

        var parts = FillAttribution.Split(quantity, given);

        Assert.Equal(quantity, parts.Sum(p => p.Quantity));
        foreach (var part in parts)
        {
            var exact = quantity * given.Single(s => s.StrategyId == part.StrategyId).ShareOfDelta / total;
            Assert.True(part.Quantity > exact - 0.000000001m, $"{part.StrategyId}: {part.Quantity} vs {exact}");
        }
    }

    [Theory]
    [InlineData("0", "a:1")]
    [InlineData("-1", "a:1")]
    [InlineData("1", "")]
    [InlineData("1", "a:0,b:0")]
    [InlineData("1", "a:-1,b:2")]
    [InlineData("1", "a:1,a:1")]
    [InlineData("1", " :1")]
    public void Splitting_rejects_a_non_positive_fill_and_shares_that_are_empty_negative_duplicated_or_sum_to_zero(string fillQuantity, string shares)
    {
        Assert.ThrowsAny<ArgumentException>(() => FillAttribution.Split(Number.Of(fillQuantity), Shares(shares)));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(29)]
    public void Splitting_rejects_a_precision_outside_zero_to_twenty_eight(int decimals)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => FillAttribution.Split(1m, Shares("a:1"), decimals));
    }

    private static List<(string StrategyId, decimal ShareOfDelta)> Shares(string table) =>
        table.Length == 0
            ? []
            : table.Split(',').Select(pair =>
            {
                var at = pair.LastIndexOf(':');
                return (pair[..at], Number.Of(pair[(at + 1)..]));
            }).ToList();

}
