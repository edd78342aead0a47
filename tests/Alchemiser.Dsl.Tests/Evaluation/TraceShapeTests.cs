using Alchemiser.Dsl.Results;
using static Alchemiser.Dsl.Tests.Evaluation.EvaluationHarness;

namespace Alchemiser.Dsl.Tests.Evaluation;

/// <summary>DSL.md §9 trace rules: what is recorded, in which order, with which fields.</summary>
public class TraceShapeTests
{
    [Fact]
    public void Every_evaluated_if_has_an_entry_and_untaken_branches_have_none()
    {
        var result = EvaluateBody("""
            (if (> (current-price "AAA") 100)
                [(if (< (current-price "BBB") 40) [(asset "A")] [(asset "B")])]
                [(if true [(asset "C")] [(asset "D")])])
            """);
        Assert.Equal(2, result.Trace.Count);
        var outer = Assert.IsType<IfTrace>(result.Trace[0]);
        var inner = Assert.IsType<IfTrace>(result.Trace[1]);
        Assert.Equal(("then", 0), (outer.Branch, outer.Depth));
        Assert.Equal(("else", 1), (inner.Branch, inner.Depth));
        Assert.Equal("(< (current-price \"BBB\") 40)", inner.Condition);
        Assert.Equal(43, inner.Left);
        Assert.Equal(40, inner.Right);
        Assert.Equal("B 1", Describe(result));
    }

    [Fact]
    public void A_compound_condition_lists_every_evaluated_comparison_and_no_single_left_right()
    {
        var result = EvaluateBody("""(if (or (> (current-price "AAA") 200) (not (< (current-price "BBB") 10)) (> (current-price "CCC") 0)) [(asset "A")] [(asset "B")])""");
        var entry = Assert.IsType<IfTrace>(Assert.Single(result.Trace));
        Assert.Null(entry.Left);
        Assert.Null(entry.Right);
        Assert.True(entry.Result);
        // `or` short-circuits after the second operand is true: CCC is never compared.
        Assert.Equal(
            ["(> (current-price \"AAA\") 200)", "(< (current-price \"BBB\") 10)"],
            entry.Comparisons.Select(c => c.Expr));
        Assert.Equal([false, false], entry.Comparisons.Select(c => c.Result));
    }

    [Fact]
    public void A_literal_condition_has_no_comparisons()
    {
        var entry = Assert.IsType<IfTrace>(Assert.Single(EvaluateBody("""(if true [(asset "A")])""").Trace));
        Assert.Empty(entry.Comparisons);
        Assert.Null(entry.Left);
    }

    [Fact]
    public void A_filter_entry_follows_the_entries_of_its_candidates()
    {
        var result = EvaluateBody("""(filter (rsi {:window 3}) (select-top 1) [(if (> (current-price "AAA") 1) [(asset "AAA")] [(asset "BBB")]) (asset "BBB")])""");
        Assert.Equal(["if", "filter"], result.Trace.Select(t => t.Type));
        Assert.Equal(1, result.Trace[0].Depth);
        Assert.Equal(0, result.Trace[1].Depth);
    }

    [Fact]
    public void An_unnamed_portfolio_candidate_is_named_by_the_head_and_position_of_the_node_that_made_it()
    {
        var filter = OnlyFilter(EvaluateBody("""(filter (moving-average-price {:window 3}) (select-top 1) [(weight-equal [(asset "AAA")]) (asset "BBB")])"""));
        Assert.Equal("portfolios", filter.Mode);
        Assert.Equal(["weight-equal@1:81", "BBB"], filter.Candidates.Select(c => c.Name));
        Assert.Equal(["portfolio", "asset"], filter.Candidates.Select(c => c.Kind));
        Assert.Equal(["weighted-average", "indicator"], filter.Candidates.Select(c => c.Method));
    }

    [Fact]
    public void Nested_history_evaluations_add_nothing_to_the_trace()
    {
        var result = EvaluateBody($"(filter (cumulative-return {{:window 3}}) (select-top 1) [{Fixtures.SpecFixtures.Steady} {Fixtures.SpecFixtures.Switch}])");
        // One if: Switch evaluated today (as a candidate). Its three historical evaluations record nothing.
        Assert.Equal(["if", "filter"], result.Trace.Select(t => t.Type));
    }
}
