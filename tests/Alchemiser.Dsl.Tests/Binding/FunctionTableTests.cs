using Alchemiser.Dsl.Binding;
using static Alchemiser.Dsl.Tests.Binding.BindingHarness;

namespace Alchemiser.Dsl.Tests.Binding;

/// <summary>Unknown functions, arity and argument kinds of every function in the DSL.md §3 table.</summary>
public sealed class FunctionTableTests
{
    [Theory]
    [InlineData("(weight-equal [(‸rsii \"SPY\" 3)])", "rsii", "rsi")]
    [InlineData("(‸weight-equl [(asset \"A\")])", "weight-equl", "weight-equal")]
    [InlineData("(‸assets \"A\")", "assets", "asset")]
    [InlineData("(filter (‸relative-strength-indx 3) [])", "relative-strength-indx", "relative-strength-index")]
    [InlineData("(filter (‸standard-deviation-prise 3) [])", "standard-deviation-prise", "standard-deviation-price")]
    [InlineData("(if (‸<> 1 2) [] [])", "<>", "<")]
    [InlineData("(‸x)", "x", "<")]
    [InlineData("(if (‸nand true) [] [])", "nand", "and")]
    [InlineData("(‸completely-unrelated-name-here 1)", "completely-unrelated-name-here", "cumulative-return")]
    public void An_unknown_head_is_DSL201_with_the_nearest_known_name_ties_ordinal_smallest(string body, string head, string suggestion)
    {
        AssertBodyFails(body, "DSL201", "unknown function '" + head + "' (did you mean '" + suggestion + "'?)");
    }

    [Fact]
    public void An_unknown_head_is_reported_before_its_arguments_are_looked_at()
    {
        AssertBodyFails("(weight-equal [(‸rsii x y z)])", "DSL201", "unknown function 'rsii' (did you mean 'rsi'?)");
    }

    [Fact]
    public void Defsymphony_below_the_top_level_is_DSL203()
    {
        AssertBodyFails(
            "(weight-equal [(‸defsymphony \"inner\" {} [(asset \"A\")])])",
            "DSL203", "'defsymphony' is only allowed as the top-level form");
    }

    [Theory]
    [InlineData("(defsymphony \"t\" {} (asset (‸defsymphony \"x\" {} [])))")]
    [InlineData("(defsymphony \"t\" {} (if (> (rsi \"A\" {:window (‸defsymphony)}) 1) [] []))")]
    [InlineData("(defsymphony \"t\" {} (if (> (rsi \"A\" (‸defsymphony)) 1) [] []))")]
    [InlineData("(defsymphony \"t\" {:note (‸defsymphony \"x\" {} [])} [])")]
    public void Defsymphony_is_DSL203_in_parameter_and_settings_positions_too(string source)
    {
        AssertFailsAtMarker(source, "DSL203", "'defsymphony' is only allowed as the top-level form");
    }

    [Theory]
    [InlineData("(‸defsymphony \"t\" {})", "'defsymphony' takes 3 arguments, got 2")]
    [InlineData("(‸defsymphony \"t\" {} [] [])", "'defsymphony' takes 3 arguments, got 4")]
    public void Defsymphony_takes_name_settings_and_body(string source, string message)
    {
        AssertFailsAtMarker(source, "DSL202", message);
    }

    [Theory]
    [InlineData("(‸if true)", "'if' takes 2 or 3 arguments, got 1")]
    [InlineData("(‸if true [] [] [])", "'if' takes 2 or 3 arguments, got 4")]
    [InlineData("(if (‸> 1) [] [])", "'>' takes 2 arguments, got 1")]
    [InlineData("(if (‸< 1 2 3) [] [])", "'<' takes 2 arguments, got 3")]
    [InlineData("(if (‸>= 1) [] [])", "'>=' takes 2 arguments, got 1")]
    [InlineData("(if (‸<= 1) [] [])", "'<=' takes 2 arguments, got 1")]
    [InlineData("(if (‸= 1) [] [])", "'=' takes 2 arguments, got 1")]
    [InlineData("(if (‸and) [] [])", "'and' takes at least 1 argument, got 0")]
    [InlineData("(if (‸or) [] [])", "'or' takes at least 1 argument, got 0")]
    [InlineData("(if (‸not) [] [])", "'not' takes 1 argument, got 0")]
    [InlineData("(if (‸not true false) [] [])", "'not' takes 1 argument, got 2")]
    [InlineData("(‸asset)", "'asset' takes 1 or 2 arguments, got 0")]
    [InlineData("(‸asset \"A\" nil nil)", "'asset' takes 1 or 2 arguments, got 3")]
    [InlineData("(‸group \"G\")", "'group' takes 2 arguments, got 1")]
    [InlineData("(‸group \"G\" [(asset \"A\")] [(asset \"B\")])", "'group' takes 2 arguments, got 3")]
    [InlineData("(‸weight-equal)", "'weight-equal' takes at least 1 argument, got 0")]
    [InlineData("(‸weight-specified)", "'weight-specified' takes one or more weight and body pairs, got 0 arguments")]
    [InlineData("(‸weight-specified 1)", "'weight-specified' takes one or more weight and body pairs, got 1 argument")]
    [InlineData("(‸weight-specified 1 [] 2)", "'weight-specified' takes one or more weight and body pairs, got 3 arguments")]
    [InlineData("(‸weight-inverse-volatility 5)", "'weight-inverse-volatility' takes at least 2 arguments, got 1")]
    [InlineData("(‸filter (rsi 3))", "'filter' takes 2 or 3 arguments, got 1")]
    [InlineData("(‸filter (rsi 3) (select-top 1) [] [])", "'filter' takes 2 or 3 arguments, got 4")]
    [InlineData("(filter (rsi 3) (‸select-top) [])", "'select-top' takes 1 argument, got 0")]
    [InlineData("(filter (rsi 3) (‸select-bottom 1 2) [])", "'select-bottom' takes 1 argument, got 2")]
    [InlineData("(if (> (‸rsi) 1) [] [])", "'rsi' takes 1 or 2 arguments, got 0")]
    [InlineData("(if (> (‸rsi \"A\" 1 2) 1) [] [])", "'rsi' takes 1 or 2 arguments, got 3")]
    [InlineData("(if (> (‸relative-strength-index \"A\" 1 2) 1) [] [])", "'relative-strength-index' takes 1 or 2 arguments, got 3")]
    [InlineData("(if (> (‸moving-average-price \"A\" {:window 3} 4) 1) [] [])", "'moving-average-price' takes 1 or 2 arguments, got 3")]
    [InlineData("(if (> (‸current-price) 1) [] [])", "'current-price' takes 1 argument, got 0")]
    [InlineData("(if (> (‸current-price \"A\" 3) 1) [] [])", "'current-price' takes 1 argument, got 2")]
    [InlineData("(if (> (‸percentage-price-oscillator \"A\" 1 2 3) 1) [] [])", "'percentage-price-oscillator' takes 1 to 3 arguments, got 4")]
    [InlineData("(if (> (‸percentage-price-oscillator-signal \"A\" 1 2 3 4) 1) [] [])", "'percentage-price-oscillator-signal' takes 1 to 4 arguments, got 5")]
    [InlineData("(filter (‸rsi 1 2) [])", "'rsi' as a filter metric takes 0 or 1 arguments, got 2")]
    [InlineData("(filter (‸current-price 1) [])", "'current-price' as a filter metric takes no arguments, got 1")]
    [InlineData("(filter (‸percentage-price-oscillator 1 2 3) [])", "'percentage-price-oscillator' as a filter metric takes 0 to 2 arguments, got 3")]
    [InlineData("(filter (‸percentage-price-oscillator-signal 1 2 3 4) [])", "'percentage-price-oscillator-signal' as a filter metric takes 0 to 3 arguments, got 4")]
    public void A_wrong_argument_count_is_DSL202_at_the_call_head(string body, string message)
    {
        AssertBodyFails(body, "DSL202", message);
    }

    [Theory]
    // W: weight expressions
    [InlineData("(weight-equal [‸5])", "expected a weight expression, found a number")]
    [InlineData("(weight-equal ‸\"SPY\")", "expected a weight expression, found a string")]
    [InlineData("(weight-equal [‸:daily])", "expected a weight expression, found a keyword")]
    [InlineData("(weight-equal ‸{:a 1})", "expected a weight expression, found a map")]
    [InlineData("(weight-equal ‸nil)", "expected a weight expression, found nil")]
    [InlineData("(weight-equal ‸true)", "expected a weight expression, found true")]
    [InlineData("(weight-equal [(‸select-top 1)])", "expected a weight expression, found select-top")]
    [InlineData("(weight-equal [(‸> 1 2)])", "expected a weight expression, found >")]
    [InlineData("(group \"G\" ‸5)", "expected a weight expression, found a number")]
    [InlineData("(if true [(asset \"A\")] ‸\"B\")", "expected a weight expression, found a string")]
    [InlineData("(if true (‸and true) [(asset \"A\")])", "expected a weight expression, found and")]
    [InlineData("(weight-specified 1 ‸\"A\")", "expected a weight expression, found a string")]
    [InlineData("(weight-inverse-volatility 5 [(asset \"A\")] ‸1)", "expected a weight expression, found a number")]
    [InlineData("(filter (rsi 3) (select-top 1) (‸rsi \"A\" 3))", "expected a weight expression, found rsi")]
    [InlineData("(filter (rsi 3) (‸select-top 1))", "expected a weight expression, found select-top")]
    // C: conditions
    [InlineData("(if ‸1 [] [])", "expected a condition, found a number")]
    [InlineData("(if (‸asset \"A\") [] [])", "expected a condition, found asset")]
    [InlineData("(if ‸nil [] [])", "expected a condition, found nil")]
    [InlineData("(if ‸[true] [] [])", "expected a condition, found a vector")]
    [InlineData("(if (and true (‸rsi \"A\" 3)) [] [])", "expected a condition, found rsi")]
    [InlineData("(if (or false ‸\"x\") [] [])", "expected a condition, found a string")]
    [InlineData("(if (not ‸:x) [] [])", "expected a condition, found a keyword")]
    // N: numbers
    [InlineData("(if (> ‸\"SPY\" 1) [] [])", "expected a number or an indicator, found a string")]
    [InlineData("(if (> 1 (‸asset \"A\")) [] [])", "expected a number or an indicator, found asset")]
    [InlineData("(if (< 1 ‸true) [] [])", "expected a number or an indicator, found true")]
    [InlineData("(if (= (‸> 1 2) 1) [] [])", "expected a number or an indicator, found >")]
    [InlineData("(if (> (rsi ‸{:window 3}) 1) [] [])", "expected a ticker (a string), found a map")]
    [InlineData("(if (> (rsi ‸3) 1) [] [])", "expected a ticker (a string), found a number")]
    // T: tickers and the asset display name
    [InlineData("(asset ‸5)", "expected a ticker (a string), found a number")]
    [InlineData("(asset ‸:spy)", "expected a ticker (a string), found a keyword")]
    [InlineData("(asset \"A\" ‸5)", "expected a display name (a string) or nil, found a number")]
    // Lit: number literals
    [InlineData("(weight-specified ‸\"x\" (asset \"A\"))", "expected a weight (a number), found a string")]
    [InlineData("(weight-specified 0.5 (asset \"A\") (‸rsi \"A\" 3) (asset \"B\"))", "expected a weight (a number), found rsi")]
    [InlineData("(weight-inverse-volatility ‸[] (asset \"A\"))", "expected a window (a number), found a vector")]
    [InlineData("(filter (rsi 3) (select-top ‸\"1\") [])", "expected a count (a number), found a string")]
    // M: filter metrics
    [InlineData("(filter ‸5 [])", "expected a filter metric (an indicator without ticker), found a number")]
    [InlineData("(filter (‸asset \"A\") [])", "expected a filter metric (an indicator without ticker), found asset")]
    [InlineData("(filter (‸select-top 1) [])", "expected a filter metric (an indicator without ticker), found select-top")]
    [InlineData("(filter (rsi ‸\"SPY\" 10) [])", "a filter metric takes no ticker (each candidate is scored), found \"SPY\"")]
    [InlineData("(filter (current-price ‸\"SPY\") [])", "a filter metric takes no ticker (each candidate is scored), found \"SPY\"")]
    // S: selectors
    [InlineData("(filter (rsi 3) ‸[] [])", "expected a selector (select-top or select-bottom), found a vector")]
    [InlineData("(filter (rsi 3) (‸weight-equal []) [])", "expected a selector (select-top or select-bottom), found weight-equal")]
    // names
    [InlineData("(group ‸5 [])", "expected the group name (a string), found a number")]
    public void An_argument_of_the_wrong_kind_is_DSL203_at_that_argument(string body, string message)
    {
        AssertBodyFails(body, "DSL203", message);
    }

    [Theory]
    [InlineData("(defsymphony ‸5 {} [])", "expected the symphony name (a string), found a number")]
    [InlineData("(defsymphony \"t\" ‸[] [])", "expected the settings map, found a vector")]
    [InlineData("(defsymphony \"t\" {} ‸\"body\")", "expected a weight expression, found a string")]
    public void Defsymphony_arguments_have_kinds_too(string source, string message)
    {
        AssertFailsAtMarker(source, "DSL203", message);
    }

    [Theory]
    [InlineData("(weight-equal [‸x])", "x")]
    [InlineData("(if ‸yes [] [])", "yes")]
    [InlineData("(if (> ‸spy 1) [] [])", "spy")]
    [InlineData("(asset ‸SPY)", "SPY")]
    [InlineData("(asset \"A\" ‸Alpha)", "Alpha")]
    [InlineData("(if (> (rsi \"A\" {:window ‸n}) 1) [] [])", "n")]
    [InlineData("(if (> (rsi \"A\" ‸n) 1) [] [])", "n")]
    [InlineData("(filter (rsi 3) (select-top ‸n) [])", "n")]
    [InlineData("(weight-specified ‸w (asset \"A\"))", "w")]
    [InlineData("(group ‸- [])", "-")]
    public void A_symbol_anywhere_but_a_call_head_is_DSL203_unexpected_symbol(string body, string symbol)
    {
        AssertBodyFails(body, "DSL203", "unexpected symbol '" + symbol + "'");
    }

    [Fact]
    public void A_symbol_as_a_settings_value_is_DSL203_unexpected_symbol()
    {
        AssertFailsAtMarker("(defsymphony \"t\" {:rebalance-frequency ‸daily} [])", "DSL203", "unexpected symbol 'daily'");
    }

    [Fact]
    public void Every_function_of_the_table_binds_with_its_documented_argument_kinds()
    {
        var symphony = BindBody(
            "(weight-specified" +
            " 0.5 (if (and (> (rsi \"A\" 3) 1) (or (< (current-price \"A\") 2) (not (>= 1 (moving-average-price \"A\" 3)))) (<= 1 2) (= 1 1) true false)" +
            "        [(asset \"A\" \"Alpha\") (asset \"B\" nil)]" +
            "        (group \"G\" (weight-equal (asset \"C\") [(asset \"D\")])))" +
            " 0.5 (weight-inverse-volatility 5 (filter (cumulative-return 3) (select-bottom 1) [(asset \"E\")])" +
            "        (filter (max-drawdown) [(asset \"F\")]) (filter (stdev-price 3) (select-top 2) [])))");

        var specified = Assert.IsType<BoundWeightSpecified>(symphony.Body);
        Assert.Equal([0.5m, 0.5m], specified.Branches.Select(b => b.Weight));
        var conditional = Assert.IsType<BoundIf>(specified.Branches[0].Body);
        var all = Assert.IsType<BoundLogical>(conditional.Condition);
        Assert.Equal(LogicalOperator.And, all.Operator);
        Assert.Equal(6, all.Operands.Count);
        Assert.IsType<BoundComparison>(all.Operands[0]);
        var any = Assert.IsType<BoundLogical>(all.Operands[1]);
        Assert.Equal(LogicalOperator.Or, any.Operator);
        Assert.IsType<BoundNot>(any.Operands[1]);
        Assert.Equal([true, false], all.Operands.Skip(4).Cast<BoundBoolean>().Select(b => b.Value));
        var vector = Assert.IsType<BoundVector>(conditional.Then);
        Assert.Equal(["A", "B"], vector.Items.Cast<BoundAsset>().Select(a => a.Ticker));
        var group = Assert.IsType<BoundGroup>(conditional.Else);
        Assert.Equal("G", group.Name);
        Assert.IsType<BoundWeightEqual>(group.Body);

        var inverse = Assert.IsType<BoundInverseVolatility>(specified.Branches[1].Body);
        Assert.Equal(5, inverse.Window);
        var filters = inverse.Args.Cast<BoundFilter>().ToArray();
        Assert.Equal(
            [(FilterOrder.Bottom, (int?)1), (FilterOrder.Top, null), (FilterOrder.Top, 2)],
            filters.Select(f => (f.Order, f.Limit)));
        Assert.Equal(
            [IndicatorKind.CumulativeReturn, IndicatorKind.MaxDrawdown, IndicatorKind.StdevPrice],
            filters.Select(f => f.Metric.Spec.Kind));
    }

    [Theory]
    [InlineData(">", ComparisonOperator.GreaterThan)]
    [InlineData("<", ComparisonOperator.LessThan)]
    [InlineData(">=", ComparisonOperator.GreaterOrEqual)]
    [InlineData("<=", ComparisonOperator.LessOrEqual)]
    [InlineData("=", ComparisonOperator.Equal)]
    public void Each_comparison_head_binds_to_its_operator(string head, ComparisonOperator expected)
    {
        var conditional = Body<BoundIf>("(if (" + head + " 1 2) [] [])");
        Assert.Equal(expected, Assert.IsType<BoundComparison>(conditional.Condition).Operator);
    }

    [Theory]
    [InlineData("relative-strength-index", "rsi")]
    [InlineData("standard-deviation-return", "stdev-return")]
    [InlineData("standard-deviation-price", "stdev-price")]
    public void Aliases_bind_exactly_like_their_canonical_names(string alias, string canonical)
    {
        static (IndicatorSpec Number, IndicatorSpec Metric) Specs(string head)
        {
            var conditional = Body<BoundIf>(
                "(if (> (" + head + " \"A\" {:window 7}) 1) [(filter (" + head + " 9) [(asset \"A\")])] [])");
            var number = Assert.IsType<BoundIndicator>(Assert.IsType<BoundComparison>(conditional.Condition).Left);
            var filter = Assert.IsType<BoundFilter>(Assert.Single(Assert.IsType<BoundVector>(conditional.Then).Items));
            return (number.Spec, filter.Metric.Spec);
        }

        var viaAlias = Specs(alias);
        Assert.Equal(Specs(canonical), viaAlias);
        Assert.Equal(canonical, viaAlias.Number.Name);
        Assert.Equal(new IndicatorSpec(viaAlias.Number.Kind, 7), viaAlias.Number);
        Assert.Equal(new IndicatorSpec(viaAlias.Number.Kind, 9), viaAlias.Metric);
    }

    [Fact]
    public void Select_top_and_select_bottom_are_only_legal_as_the_middle_argument_of_filter()
    {
        AssertBodyFails("(filter (rsi 3) ‸[(asset \"A\")] (select-top 1))", "DSL203", "expected a selector (select-top or select-bottom), found a vector");
        AssertBodyFails("(filter (rsi 3) (‸select-top 1))", "DSL203", "expected a weight expression, found select-top");
        AssertBodyFails("(if (‸select-bottom 1) [] [])", "DSL203", "expected a condition, found select-bottom");
    }

    [Fact]
    public void Untaken_branches_are_validated_too()
    {
        AssertBodyFails("(if false [(asset \"A\")] [(‸rsii \"B\" 3)])", "DSL201", "unknown function 'rsii' (did you mean 'rsi'?)");
        AssertBodyFails("(if true [(asset \"A\")] [(asset ‸\"B C\")])", "DSL207", "invalid ticker 'B C'");
        AssertBodyFails("(if (> 1 2) [(‸asset)] [(asset \"B\")])", "DSL202", "'asset' takes 1 or 2 arguments, got 0");
    }

    [Fact]
    public void The_first_violation_in_pre_order_wins()
    {
        // The head's arity is checked before its arguments; arguments are checked left to right, each with its subtree.
        AssertBodyFails("(‸if (rsii) [x] [5] [])", "DSL202", "'if' takes 2 or 3 arguments, got 4");
        AssertBodyFails("(if (> (‸rsii) 1) [x] [5])", "DSL201", "unknown function 'rsii' (did you mean 'rsi'?)");
        AssertBodyFails("(if true [(asset \"A\") ‸x] [5])", "DSL203", "unexpected symbol 'x'");
        AssertFailsAtMarker("(defsymphony \"t\" {:asset-class ‸\"BONDS\"} (rsii))", "DSL205",
            ":asset-class must be \"EQUITIES\" or \"CRYPTO\", got \"BONDS\"");
    }
}
