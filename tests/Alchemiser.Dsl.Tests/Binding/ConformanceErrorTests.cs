using Alchemiser.Dsl.Syntax;
using static Alchemiser.Dsl.Tests.Binding.BindingHarness;

namespace Alchemiser.Dsl.Tests.Binding;

/// <summary>The validation rows (DSL2xx) of DSL.md §12 T4, with their exact positions and messages.</summary>
public sealed class ConformanceErrorTests
{
    private const string Nuclear =
        "(defsymphony \"N\" {:rebalance-frequency :daily}\n" +
        "  (weight-equal\n" +
        "    [(if (> (rsii \"SPY\" {:window 10}) 79)\n" +
        "         [(asset \"UVXY\")]\n" +
        "         [(asset \"SPY\")])]))\n";

    [Fact]
    public void Nuclear_example_reports_the_misspelled_rsi_at_3_14_with_a_suggestion()
    {
        var error = AssertFails(Nuclear, 3, 14, "DSL201", "unknown function 'rsii' (did you mean 'rsi'?)", "nuclear.clj");
        Assert.Equal("nuclear.clj:3:14: unknown function 'rsii' (did you mean 'rsi'?)", error.Display);
    }

    [Fact]
    public void A_file_that_is_only_an_asset_call_is_DSL206_at_its_head()
    {
        AssertFails(
            "(asset \"A\")", 1, 2, "DSL206",
            "expected (defsymphony name settings body) as the top-level form, found asset");
    }

    [Fact]
    public void A_moving_average_without_window_is_DSL204_missing_window_at_its_head()
    {
        AssertFails(
            "(defsymphony \"t\" {} (if (> (moving-average-price \"SPY\") 1) [(asset \"A\")] [(asset \"B\")]))",
            1, 29, "DSL204", "missing window");
    }

    [Fact]
    public void A_misspelled_parameter_key_is_DSL204_at_the_key_with_a_suggestion()
    {
        AssertFails(
            "(defsymphony \"t\" {} (if (> (rsi \"SPY\" {:windw 10}) 1) [(asset \"A\")] [(asset \"B\")]))",
            1, 40, "DSL204", "unknown parameter ':windw' (did you mean ':window'?)");
    }

    [Fact]
    public void Select_top_zero_is_DSL204_at_the_count_literal()
    {
        AssertFails(
            "(defsymphony \"t\" {} (filter (rsi 10) (select-top 0) [(asset \"A\")]))",
            1, 50, "DSL204", "'select-top' needs a count of at least 1, got 0");
    }

    [Fact]
    public void An_indicator_in_a_weight_vector_is_DSL203_naming_the_head_found()
    {
        AssertFails(
            "(defsymphony \"t\" {} (weight-equal [(rsi \"SPY\" 10)]))",
            1, 37, "DSL203", "expected a weight expression, found rsi");
    }

    [Fact]
    public void Validation_errors_carry_the_strategy_category()
    {
        var error = AssertFails("(asset \"A\")", 1, 2, "DSL206",
            "expected (defsymphony name settings body) as the top-level form, found asset");
        Assert.Equal(Alchemiser.Core.Errors.ErrorCategory.Strategy, error.Category);
    }

    [Theory]
    [InlineData("‸[(asset \"A\")]", "a vector")]
    [InlineData("‸\"just a string\"", "a string")]
    [InlineData("‸42", "a number")]
    [InlineData("‸nil", "nil")]
    [InlineData("‸{:a 1}", "a map")]
    [InlineData("(‸defsymphonyy \"t\" {} [])", "defsymphonyy")]
    [InlineData("(‸weight-equal [(asset \"A\")])", "weight-equal")]
    public void Any_top_level_form_but_a_defsymphony_call_is_DSL206_at_that_form(string marked, string found)
    {
        AssertFailsAtMarker(marked, DslErrorCodes.TopLevel,
            "expected (defsymphony name settings body) as the top-level form, found " + found);
    }
}
