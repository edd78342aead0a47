using Alchemiser.Local.Synthetic;

namespace Alchemiser.Local.Tests.Synthetic;

public class SyntheticMarketOptionsTests
{
    [Fact]
    public void The_default_range_is_the_ten_years_ending_at_the_given_date()
    {
        var options = SyntheticMarketOptions.TenYearsEndingAt(new DateOnly(2025, 6, 30));

        Assert.Equal(new DateOnly(2015, 7, 1), options.From);
        Assert.Equal(new DateOnly(2025, 6, 30), options.To);
        Assert.Equal(SyntheticMarketOptions.DefaultSeed, options.Seed);
    }

    [Fact]
    public void A_seed_can_be_given_with_the_default_range()
    {
        Assert.Equal(99, SyntheticMarketOptions.TenYearsEndingAt(new DateOnly(2025, 6, 30), 99).Seed);
    }

    [Fact]
    public void A_range_that_ends_before_it_starts_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => new SyntheticMarketOptions(1, new DateOnly(2024, 2, 1), new DateOnly(2024, 1, 31)));

        Assert.Contains("2024-02-01", error.Message, StringComparison.Ordinal);
    }
}
