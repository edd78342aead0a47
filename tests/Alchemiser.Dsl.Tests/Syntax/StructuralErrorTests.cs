using Alchemiser.Dsl.Syntax;
using static Alchemiser.Dsl.Tests.Syntax.SyntaxTestKit;

namespace Alchemiser.Dsl.Tests.Syntax;

/// <summary>DSL.md §2's structural error table and the DSL1xx rows of §12 T4.</summary>
public sealed class StructuralErrorTests
{
    [Theory]
    [InlineData("(defsymphony \"x\" {} (weight-equal [(asset \"SPY\")])", 1, 1, "DSL106", "'(' is never closed")]
    [InlineData("(asset \"SP\\qY\")", 1, 11, "DSL103", "invalid escape sequence '\\q'")]
    [InlineData("(weight-equal [(asset \"A\"]))", 1, 26, "DSL106", "expected ')' to close '(' at 1:16, found ']'")]
    [InlineData("(rsi \"SPY\" {:window})", 1, 12, "DSL106", "map literal needs an even number of forms")]
    [InlineData("(> (rsi \"SPY\" 10) 7O)", 1, 19, "DSL104", "invalid token '7O'")]
    [InlineData("#(asset \"A\")", 1, 1, "DSL101", "unexpected character '#'")]
    [InlineData("\"abc", 1, 1, "DSL102", "unterminated string")]
    [InlineData("(1 2)", 1, 2, "DSL106", "expected a function name after '('")]
    [InlineData("(rsi \"SPY\" {:window 10 :window 20})", 1, 24, "DSL106", "duplicate key :window")]
    [InlineData("(asset \"A\") (asset \"B\")", 1, 13, "DSL106", "unexpected form after the top-level form")]
    [InlineData("(asset \"A\"))", 1, 12, "DSL106", "unexpected ')'")]
    [InlineData("(asset\r\n  \"A\" .5)", 2, 7, "DSL101", "unexpected character '.'")]
    [InlineData(";; only a comment", 1, 1, "DSL106", "expected a form, found end of input")]
    public void Conformance_rows_of_T4_report_code_position_and_message(
        string input, int line, int column, string code, string message) =>
        AssertError(ParseError(input), code, line, column, message);

    [Fact]
    public void Error_display_is_file_line_column_and_message()
    {
        var error = ParseError("(weight-equal [(asset \"A\"]))");

        Assert.Equal("t.clj:1:26: expected ')' to close '(' at 1:16, found ']'", error.Display);
    }

    [Theory]
    [InlineData("[[(f", 1, 3, "'(' is never closed")]
    [InlineData("{:a [1 2", 1, 5, "'[' is never closed")]
    [InlineData("(f [1] {:a\n {:b 2", 2, 2, "'{' is never closed")]
    public void Unclosed_bracket_is_reported_at_the_innermost_open_bracket(string input, int line, int column, string message) =>
        AssertError(ParseError(input), DslErrorCodes.Structure, line, column, message);

    [Theory]
    [InlineData(")", "unexpected ')'")]
    [InlineData("]", "unexpected ']'")]
    [InlineData("}", "unexpected '}'")]
    public void Closer_with_nothing_open_is_reported_at_the_closer(string input, string message) =>
        AssertError(ParseError("  " + input), DslErrorCodes.Structure, 1, 3, message);

    [Theory]
    [InlineData("[1)", 1, 3, "expected ']' to close '[' at 1:1, found ')'")]
    [InlineData("(f {:a 1])", 1, 9, "expected '}' to close '{' at 1:4, found ']'")]
    [InlineData("(f\n  [1 2})", 2, 7, "expected ']' to close '[' at 2:3, found '}'")]
    [InlineData("(]", 1, 2, "expected ')' to close '(' at 1:1, found ']'")]
    public void Wrong_closer_is_reported_at_the_closer_naming_the_open_bracket(
        string input, int line, int column, string message) =>
        AssertError(ParseError(input), DslErrorCodes.Structure, line, column, message);

    [Theory]
    [InlineData("()", 1, 2)]
    [InlineData("(  )", 1, 4)]
    [InlineData("([x] 1)", 1, 2)]
    [InlineData("(\"asset\" 1)", 1, 2)]
    [InlineData("(:window 1)", 1, 2)]
    [InlineData("(true 1)", 1, 2)]
    [InlineData("(nil)", 1, 2)]
    [InlineData("(f (1.5 x))", 1, 5)]
    public void Parenthesised_list_must_start_with_a_function_name(string input, int line, int column) =>
        AssertError(ParseError(input), DslErrorCodes.Structure, line, column, "expected a function name after '('");

    [Fact]
    public void Odd_map_is_reported_at_its_opening_brace()
    {
        AssertError(
            ParseError("(f\n   {:a 1\n    :b})"), DslErrorCodes.Structure, 2, 4, "map literal needs an even number of forms");
    }

    [Theory]
    [InlineData("{1 2}", 1, 2)]
    [InlineData("{:a 1 \"b\" 2}", 1, 7)]
    [InlineData("{:a 1 b 2}", 1, 7)]
    [InlineData("{:a 1 [:b] 2}", 1, 7)]
    [InlineData("{:a 1 {:b 2} 3}", 1, 7)]
    public void Map_key_that_is_not_a_keyword_is_reported_at_that_key(string input, int line, int column) =>
        AssertError(ParseError(input), DslErrorCodes.Structure, line, column, "map key must be a keyword");

    [Fact]
    public void Duplicate_key_in_a_large_map_is_reported_at_the_repeated_key()
    {
        var keys = string.Join(' ', Enumerable.Range(0, 20).Select(i => $":k{i} {i}"));
        var input = "{" + keys + " :k13 0}";

        AssertError(ParseError(input), DslErrorCodes.Structure, 1, input.Length - 6, "duplicate key :k13");
    }

    [Fact]
    public void Map_with_many_distinct_keys_keeps_source_order()
    {
        var keys = string.Join(' ', Enumerable.Range(0, 50).Select(i => $":k{i} {i}"));

        var map = Assert.IsType<MapNode>(Parse("{" + keys + "}"));

        Assert.Equal(Enumerable.Range(0, 50).Select(i => "k" + i), map.Entries.Select(e => e.Key.Name));
        Assert.Equal(Enumerable.Range(0, 50).Select(i => (decimal)i), map.Entries.Select(e => ((NumberNode)e.Value).Value));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \r\n\t , ,")]
    [InlineData("; one\n;; two\r\n   ; three")]
    public void Input_without_a_form_is_reported_at_1_1(string input) =>
        AssertError(ParseError(input), DslErrorCodes.Structure, 1, 1, "expected a form, found end of input");

    [Theory]
    [InlineData("1 2", 1, 3)]
    [InlineData("(asset \"A\")\n; then\n  [x]", 3, 3)]
    [InlineData("(asset \"A\") :k", 1, 13)]
    public void Second_top_level_form_is_reported_at_its_start(string input, int line, int column) =>
        AssertError(ParseError(input), DslErrorCodes.Structure, line, column, "unexpected form after the top-level form");

    [Fact]
    public void Closer_after_the_top_level_form_is_an_unexpected_closer() =>
        AssertError(ParseError("(asset \"A\")\n]"), DslErrorCodes.Structure, 2, 1, "unexpected ']'");

    [Fact]
    public void Input_longer_than_the_limit_is_DSL108_at_1_1()
    {
        var options = new ParserOptions(MaxInputChars: 12);

        AssertError(ParseError("(asset \"AB\") ", options), DslErrorCodes.TooLarge, 1, 1, "input too large");
        Assert.IsType<CallNode>(Parse("(asset \"AB\")", options));
    }

    [Fact]
    public void Size_is_checked_before_any_lexing()
    {
        var options = new ParserOptions(MaxInputChars: 1000);

        AssertError(ParseError("#" + new string(' ', 1000), options), DslErrorCodes.TooLarge, 1, 1);
    }
}
