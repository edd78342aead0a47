using Alchemiser.Dsl.Results;
using Alchemiser.Dsl.Tests.Fixtures;
using static Alchemiser.Dsl.Tests.Evaluation.EvaluationHarness;

namespace Alchemiser.Dsl.Tests.Evaluation;

/// <summary>DSL.md §12 T2: groups scored by their own history (window 3, as-of 2024-01-16).</summary>
public class GroupHistoryTests
{
    private const double Tolerance = 1e-6;

    private static FilterTrace Rank(string metric, TablePrices? prices = null) =>
        OnlyFilter(EvaluateBody($"(filter ({metric}) (select-top 2) [{SpecFixtures.Steady} {SpecFixtures.Switch}])", prices));

    private static double ScoreOf(FilterTrace filter, string name) =>
        filter.Candidates.Single(c => c.Name == name).Score!.Value;

    [Theory]
    [InlineData("moving-average-return {:window 3}", 1.548980, -0.420819)]
    [InlineData("cumulative-return {:window 3}", 4.672897, -1.765317)]
    [InlineData("stdev-return {:window 3}", 27.593795, 91.428408)]
    [InlineData("max-drawdown {:window 3}", -0.909091, -8.510638)]
    [InlineData("rsi {:window 3}", 91.304348, 42.608696)]
    public void Group_metric_is_computed_on_the_returns_its_daily_weights_earned(string metric, double steady, double @switch)
    {
        var filter = Rank(metric);
        Assert.Equal("portfolios", filter.Mode);
        Assert.All(filter.Candidates, c => Assert.Equal("history", c.Method));
        Assert.All(filter.Candidates, c => Assert.Equal("group", c.Kind));
        Assert.Equal(steady, ScoreOf(filter, "Steady"), Tolerance);
        Assert.Equal(@switch, ScoreOf(filter, "Switch"), Tolerance);
    }

    [Fact]
    public void Max_drawdown_scores_are_negated_in_portfolio_mode()
    {
        Assert.True(Rank("max-drawdown {:window 3}").Negated);
        Assert.False(Rank("cumulative-return {:window 3}").Negated);
    }

    [Fact]
    public void A_missing_bar_contributes_a_zero_return_and_catches_up_on_the_next_bar()
    {
        var prices = SpecFixtures.Prices().Without("BBB", "2024-01-12");
        var filter = Rank("moving-average-return {:window 3}", prices);
        var expected = ((110.0 / 107 - 1) + 0 + (43.0 / 45 - 1)) / 3 * 100;
        Assert.Equal(expected, ScoreOf(filter, "Switch"), 1e-12);
        Assert.Equal(-1.765317, ScoreOf(Rank("cumulative-return {:window 3}", prices), "Switch"), Tolerance);
    }

    [Fact]
    public void A_group_without_enough_trading_days_is_dropped_with_the_reason()
    {
        // Both groups lack the 11 days; the empty filter result is skipped by weight-equal, so X is all that is left.
        var result = EvaluateBody($"(weight-equal [(filter (cumulative-return {{:window 10}}) (select-top 2) [{SpecFixtures.Steady} {SpecFixtures.Switch}]) (asset \"X\")])");
        Assert.Equal("X 1", Describe(result));
        var filter = OnlyFilter(result);
        var dropped = filter.Candidates.Single(c => c.Name == "Switch");
        Assert.Null(dropped.Rank);
        Assert.False(dropped.Selected);
        Assert.Contains("group 'Switch' as of 2024-01-16 needs 11 trading days, 10 available", dropped.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Metrics_without_a_history_rule_use_the_weighted_average_of_todays_members()
    {
        var filter = Rank("moving-average-price {:window 3}");
        Assert.All(filter.Candidates, c => Assert.Equal("weighted-average", c.Method));
        Assert.Equal((112 + 109 + 110) / 3.0, ScoreOf(filter, "Steady"), 1e-12);
    }

    [Fact]
    public void Each_group_is_evaluated_once_per_date_however_often_it_is_scored()
    {
        var engine = Engine();
        var symphony = DslCompiler.Parse(SpecFixtures.Symphony(
            $"(filter (cumulative-return {{:window 3}}) (select-top 1) [{SpecFixtures.Steady} {SpecFixtures.Switch}])"), "t.clj");

        engine.Evaluate(symphony, SpecFixtures.AsOf);
        Assert.Equal(6, engine.GroupHistoryEvaluations); // 2 groups × days d_0..d_2

        engine.Evaluate(symphony, SpecFixtures.AsOf);
        Assert.Equal(6, engine.GroupHistoryEvaluations);

        // A later as-of date with no new bar has the same calendar, so nothing is evaluated again.
        engine.Evaluate(symphony, SpecFixtures.AsOf.AddDays(1));
        Assert.Equal(6, engine.GroupHistoryEvaluations);
    }
}
