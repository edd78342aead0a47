using System.Globalization;
using Alchemiser.Dsl.Binding;
using static Alchemiser.Dsl.Tests.Binding.BindingHarness;

namespace Alchemiser.Dsl.Tests.Binding;

/// <summary>What the bound tree holds for the evaluator: values, canonical texts, positions.</summary>
public sealed class BoundTreeTests
{
    private static BoundComparison Comparison(string condition) =>
        Assert.IsType<BoundComparison>(Body<BoundIf>("(if " + condition + " [] [])").Condition);

    [Theory]
    [InlineData("0.1", 0.1)]
    [InlineData("80", 80.0)]
    [InlineData("-2.5", -2.5)]
    [InlineData("0.30000000000000001", 0.3)]
    [InlineData("1234567890123456789012345678", 1.2345678901234568E+27)]
    public void A_literal_comparison_operand_is_the_correctly_rounded_double_of_its_lexeme(string lexeme, double expected)
    {
        var literal = Assert.IsType<BoundNumberLiteral>(Comparison("(> (rsi \"A\" 3) " + lexeme + ")").Right);
        Assert.Equal(expected, literal.Value);
        Assert.Equal(double.Parse(lexeme, NumberStyles.Float, CultureInfo.InvariantCulture), literal.Value);
    }

    [Fact]
    public void Literal_operands_do_not_depend_on_the_current_culture()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            Assert.Equal(0.5, Assert.IsType<BoundNumberLiteral>(Comparison("(< 0.5 1)").Left).Value);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Conditions_carry_their_canonical_text_at_every_level()
    {
        var conditional = Body<BoundIf>(
            "(if (and (> (rsi \"aaa\"  {:window 3}) 80) (not (<= 1,2)) true) [] [])");
        var and = Assert.IsType<BoundLogical>(conditional.Condition);
        Assert.Equal("(and (> (rsi \"aaa\" {:window 3}) 80) (not (<= 1 2)) true)", and.Text);
        Assert.Equal("(> (rsi \"aaa\" {:window 3}) 80)", and.Operands[0].Text);
        var not = Assert.IsType<BoundNot>(and.Operands[1]);
        Assert.Equal("(not (<= 1 2))", not.Text);
        Assert.Equal("(<= 1 2)", not.Operand.Text);
        Assert.Equal("true", and.Operands[2].Text);
    }

    [Fact]
    public void An_indicator_operand_carries_its_spec_and_upper_cased_ticker()
    {
        var indicator = Assert.IsType<BoundIndicator>(Comparison("(> (rsi \"aaa\" {:window 3}) 80)").Left);
        Assert.Equal("AAA", indicator.Ticker);
        Assert.Equal(new IndicatorSpec(IndicatorKind.Rsi, 3), indicator.Spec);
        Assert.Equal("rsi(window=3)", indicator.Spec.Describe());
    }

    [Fact]
    public void If_without_else_has_a_null_else_branch()
    {
        var conditional = Body<BoundIf>("(if false [(asset \"A\")])");
        Assert.IsType<BoundVector>(conditional.Then);
        Assert.Null(conditional.Else);
    }

    [Fact]
    public void Weight_specified_keeps_exact_decimal_weights_including_zero()
    {
        var specified = Body<BoundWeightSpecified>("(weight-specified 0.6 (asset \"A\") 0.4 [(asset \"B\") (asset \"C\")] 0 (asset \"D\") -0 (asset \"E\"))");
        Assert.Equal([0.6m, 0.4m, 0m, 0m], specified.Branches.Select(b => b.Weight));
        Assert.Equal("0", specified.Branches[3].Weight.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(2, Assert.IsType<BoundVector>(specified.Branches[1].Body).Items.Count);
    }

    [Fact]
    public void A_negative_weight_specified_weight_is_DSL204_at_the_literal()
    {
        AssertBodyFails("(weight-specified 0.5 (asset \"A\") ‸-0.5 (asset \"B\"))", "DSL204", "weight must not be negative, got -0.5");
    }

    [Theory]
    [InlineData("(select-top 1)", FilterOrder.Top, 1)]
    [InlineData("(select-top 2.9)", FilterOrder.Top, 2)]
    [InlineData("(select-bottom 3)", FilterOrder.Bottom, 3)]
    [InlineData("(select-bottom 9999999999999)", FilterOrder.Bottom, int.MaxValue)]
    public void Selectors_set_order_and_truncated_limit(string selector, FilterOrder order, int limit)
    {
        var filter = Body<BoundFilter>("(filter (rsi 3) " + selector + " [(asset \"A\")])");
        Assert.Equal((order, (int?)limit), (filter.Order, filter.Limit));
    }

    [Fact]
    public void A_filter_without_selector_ranks_top_without_limit()
    {
        var filter = Body<BoundFilter>("(filter (cumulative-return 3) [(asset \"A\") (asset \"B\")])");
        Assert.Equal((FilterOrder.Top, (int?)null), (filter.Order, filter.Limit));
        Assert.Equal(2, Assert.IsType<BoundVector>(filter.Candidates).Items.Count);
    }

    [Theory]
    [InlineData("(select-top ‸0.99)", "'select-top' needs a count of at least 1, got 0.99")]
    [InlineData("(select-bottom ‸-1)", "'select-bottom' needs a count of at least 1, got -1")]
    public void A_selector_count_below_one_after_truncation_is_DSL204(string selector, string message)
    {
        AssertBodyFails("(filter (rsi 3) " + selector + " [(asset \"A\")])", "DSL204", message);
    }

    [Fact]
    public void Bound_nodes_report_at_the_call_head_and_name_their_head()
    {
        var symphony = Bind("(defsymphony \"t\" {}\n  (weight-equal\n   [(asset \"A\")]))");
        var equal = Assert.IsType<BoundWeightEqual>(symphony.Body);
        Assert.Equal((2, 4), (equal.At.Line, equal.At.Column));
        Assert.Equal("weight-equal", equal.Head);
        var vector = Assert.IsType<BoundVector>(Assert.Single(equal.Args));
        Assert.Equal((3, 4), (vector.At.Line, vector.At.Column));
        Assert.Equal("vector", vector.Head);
        var asset = Assert.IsType<BoundAsset>(Assert.Single(vector.Items));
        Assert.Equal((3, 6), (asset.At.Line, asset.At.Column));
    }

    [Fact]
    public void An_empty_vector_is_a_valid_weight_expression()
    {
        Assert.Empty(Body<BoundVector>("[]").Items);
        Assert.Empty(Assert.IsType<BoundVector>(Assert.Single(Body<BoundWeightEqual>("(weight-equal [])").Args)).Items);
    }

    [Fact]
    public void Asset_display_names_are_accepted_and_ignored()
    {
        Assert.Equal("SPY", Body<BoundAsset>("(asset \"spy\" \"SPDR S&P 500\")").Ticker);
        Assert.Equal("SPY", Body<BoundAsset>("(asset \"spy\" nil)").Ticker);
    }
}
