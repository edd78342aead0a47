using System.Text;
using static Alchemiser.Dsl.Tests.Evaluation.EvaluationHarness;

namespace Alchemiser.Dsl.Tests.Evaluation;

/// <summary>DSL.md §12 T5(a) and §11.1: deep trees evaluate without overflowing the stack.</summary>
public class DepthTests
{
    private static string Nested(int levels, string inner)
    {
        var sb = new StringBuilder("(defsymphony \"deep\" {} ");
        for (var i = 0; i < levels; i++)
        {
            sb.Append("(weight-equal [");
        }

        sb.Append(inner);
        for (var i = 0; i < levels; i++)
        {
            sb.Append("])");
        }

        return sb.Append(')').ToString();
    }

    [Fact]
    public void A_thousand_nested_weight_equals_evaluate_to_the_innermost_asset()
    {
        Assert.Equal("A 1", Describe(Evaluate(Nested(1000, "(asset \"A\")"))));
    }

    [Fact]
    public void The_deepest_accepted_nesting_evaluates()
    {
        // 2,047 weight-equal levels = bracket depth 4,095 (+ defsymphony's own paren).
        Assert.Equal("A 1", Describe(Evaluate(Nested(2047, "(asset \"A\")"))));
    }

    [Fact]
    public void Deep_if_chains_record_every_taken_if_and_no_untaken_one()
    {
        var sb = new StringBuilder("(defsymphony \"chain\" {} ");
        const int Levels = 600;
        for (var i = 0; i < Levels; i++)
        {
            sb.Append("(if (> (current-price \"AAA\") ").Append(i % 2 == 0 ? "1" : "1000").Append(") [(asset \"BBB\")] ");
        }

        sb.Append("[(asset \"AAA\")]").Append(')', Levels).Append(')');
        var result = Evaluate(sb.ToString());
        // The first if is true (112 > 1) and its then-branch ends the chain: exactly one entry.
        Assert.Single(result.Trace);
        Assert.Equal("BBB 1", Describe(result));
    }
}
