using Alchemiser.Dsl.Indicators;

namespace Alchemiser.Dsl.Tests.Indicators;

/// <summary>DSL.md §7.3 rule 5 on the T2 group histories (window 3, as of 2024-01-16; tolerance 1e-6).</summary>
public sealed class GroupMetricsTests
{
    private const double Tolerance = 1e-6;

    /// <summary>Steady holds AAA throughout: 107 → 110 → 109 → 112 on 01-10, 01-11, 01-12, 01-16.</summary>
    private static readonly double[] Steady = [GroupReturn(107, 110), GroupReturn(110, 109), GroupReturn(109, 112)];

    /// <summary>Switch holds AAA on 01-10 (107 → 110), then BBB on 01-11 (45 → 47) and 01-12 (47 → 43).</summary>
    private static readonly double[] Switch = [GroupReturn(107, 110), GroupReturn(45, 47), GroupReturn(47, 43)];

    [Fact]
    public void The_T2_return_series_are_the_ones_the_table_lists()
    {
        AssertNear([0.028037, -0.009091, 0.027523], Steady);
        AssertNear([0.028037, 0.044444, -0.085106], Switch);
    }

    [Fact]
    public void Steady_scores_match_T2()
    {
        AssertNear(1.548980, GroupMetrics.MovingAverageReturn(Steady));
        AssertNear(4.672897, GroupMetrics.CumulativeReturn(Steady));
        AssertNear(27.593795, GroupMetrics.StdevReturn(Steady));
        AssertNear(0.909091, GroupMetrics.MaxDrawdown(Steady));
        AssertNear(91.304348, GroupMetrics.Rsi(Steady));
    }

    [Fact]
    public void Switch_scores_match_T2()
    {
        AssertNear(-0.420819, GroupMetrics.MovingAverageReturn(Switch));
        AssertNear(-1.765317, GroupMetrics.CumulativeReturn(Switch));
        AssertNear(91.428408, GroupMetrics.StdevReturn(Switch));
        AssertNear(8.510638, GroupMetrics.MaxDrawdown(Switch));
        AssertNear(42.608696, GroupMetrics.Rsi(Switch));
    }

    [Fact]
    public void Switch_without_BBBs_0112_bar_has_the_same_cumulative_return()
    {
        // BBB has no bar on 01-12: it contributes 0 that day and catches up 45 → 43 on 01-16.
        double[] variant = [GroupReturn(107, 110), 0, GroupReturn(45, 43)];

        AssertNear([0.028037, 0.000000, -0.044444], variant);
        AssertNear(-1.765317, GroupMetrics.CumulativeReturn(variant));
    }

    [Fact]
    public void Max_drawdown_is_reported_positive_and_is_zero_for_a_rising_group()
    {
        Assert.True(GroupMetrics.MaxDrawdown(Switch) > 0);
        Assert.Equal(0.0, GroupMetrics.MaxDrawdown([0.01, 0.02, 0.0]));
    }

    [Fact]
    public void Max_drawdown_counts_a_first_day_loss_against_the_starting_equity_of_one()
    {
        // e_0 = 1 is part of the peak: a loss on day 1 is a drawdown.
        AssertNear(10.0, GroupMetrics.MaxDrawdown([-0.1, 0.05]));
    }

    [Fact]
    public void Rsi_without_any_loss_is_100_even_when_nothing_moved()
    {
        Assert.Equal(100.0, GroupMetrics.Rsi([0.01, 0.02, 0.03]));
        Assert.Equal(100.0, GroupMetrics.Rsi([0, 0, 0]));
    }

    [Fact]
    public void Rsi_seeds_the_averages_with_the_first_move_and_then_smooths_with_one_over_n()
    {
        // p = 100, 90, 99: δ = −10, +9; AG = 0 then 0 + ½(9 − 0) = 4.5; AL = 10 then 10 + ½(0 − 10) = 5.
        AssertNear(100 - 100 / (1 + 4.5 / 5), GroupMetrics.Rsi([-0.1, 0.1]));
    }

    [Fact]
    public void Stdev_return_of_a_single_return_is_zero()
    {
        Assert.Equal(0.0, GroupMetrics.StdevReturn([0.05]));
    }

    [Fact]
    public void Every_metric_rejects_an_empty_return_series()
    {
        Assert.Throws<ArgumentException>(() => GroupMetrics.MovingAverageReturn([]));
        Assert.Throws<ArgumentException>(() => GroupMetrics.CumulativeReturn([]));
        Assert.Throws<ArgumentException>(() => GroupMetrics.StdevReturn([]));
        Assert.Throws<ArgumentException>(() => GroupMetrics.MaxDrawdown([]));
        Assert.Throws<ArgumentException>(() => GroupMetrics.Rsi([]));
    }

    /// <summary>r_j of a one-member group at weight 1, as §7.3 rule 4 forms it: Σ w·(c_j/c_{j−1} − 1) / Σ w.</summary>
    private static double GroupReturn(double previous, double current) => 1.0 * (current / previous - 1) / 1.0;

    private static void AssertNear(double expected, double actual) =>
        Assert.InRange(actual, expected - Tolerance, expected + Tolerance);

    private static void AssertNear(double[] expected, double[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            AssertNear(expected[i], actual[i]);
        }
    }
}
