using Alchemiser.Dsl.Syntax;
using static Alchemiser.Dsl.Tests.Syntax.SyntaxTestKit;

namespace Alchemiser.Dsl.Tests.Syntax;

/// <summary>DSL.md §1 rule 6: string literals, their five escapes, raw line breaks, DSL102 and DSL103.</summary>
public sealed class StringLiteralTests
{
    private static string ValueOf(string literal) => Assert.IsType<StringNode>(Parse(literal)).Value;

    [Fact]
    public void Escaped_quote_backslash_and_newline_yield_the_seven_chars()
    {
        var value = ValueOf("\"a\\\"b\\\\c\\nd\"");

        Assert.Equal("a\"b\\c\nd", value);
        Assert.Equal(7, value.Length);
    }

    [Theory]
    [InlineData("\"\\t\"", "\t")]
    [InlineData("\"\\r\"", "\r")]
    [InlineData("\"\\n\"", "\n")]
    [InlineData("\"\\\"\"", "\"")]
    [InlineData("\"\\\\\"", "\\")]
    [InlineData("\"x\\ty\\rz\"", "x\ty\rz")]
    [InlineData("\"\"", "")]
    [InlineData("\"; not a comment, (not) [a] {form}\"", "; not a comment, (not) [a] {form}")]
    [InlineData("\"é \U0001F600\"", "é \U0001F600")]
    public void Each_escape_yields_its_char_and_everything_else_is_kept(string literal, string expected) =>
        Assert.Equal(expected, ValueOf(literal));

    [Fact]
    public void Raw_line_breaks_are_kept_in_the_value_and_counted_as_lines()
    {
        var call = Assert.IsType<CallNode>(Parse("(f \"a\r\nb\nc\rd\" x)"));

        Assert.Equal("a\r\nb\nc\rd", ((StringNode)call.Args[0]).Value);
        Assert.Equal((4, 4), (call.Args[1].Span.Line, call.Args[1].Span.Column));
        Assert.Equal(10, call.Args[0].Span.Length);
    }

    [Theory]
    [InlineData("(asset \"SP\\qY\")", 1, 11, "invalid escape sequence '\\q'")]
    [InlineData("(f \"line one\n  then \\x\")", 2, 8, "invalid escape sequence '\\x'")]
    [InlineData("\"\\'\"", 1, 2, "invalid escape sequence '\\''")]
    [InlineData("\"\\u0041\"", 1, 2, "invalid escape sequence '\\u'")]
    [InlineData("\"a\\\nb\"", 1, 3, "invalid escape sequence '\\U+000A'")]
    public void Unknown_escape_is_DSL103_at_the_backslash(string input, int line, int column, string message) =>
        AssertError(ParseError(input), DslErrorCodes.InvalidEscape, line, column, message);

    [Theory]
    [InlineData("\"abc", 1, 1)]
    [InlineData("(f\n  \"abc\n def)", 2, 3)]
    [InlineData("(f \"abc\\\"", 1, 4)]
    [InlineData("(f \"abc\\", 1, 4)]
    public void End_of_input_inside_a_string_is_DSL102_at_the_opening_quote(string input, int line, int column) =>
        AssertError(ParseError(input), DslErrorCodes.UnterminatedString, line, column, "unterminated string");

    [Fact]
    public void Invalid_escape_is_reported_even_if_the_string_is_also_unterminated() =>
        AssertError(ParseError("\"ab\\q"), DslErrorCodes.InvalidEscape, 1, 4);

    [Fact]
    public void Consecutive_strings_with_escapes_do_not_leak_into_each_other()
    {
        var vector = Assert.IsType<VectorNode>(Parse("[\"a\\nb\" \"plain\" \"\\tc\" \"d\\\\\"]"));

        Assert.Equal(["a\nb", "plain", "\tc", "d\\"], vector.Items.Select(i => ((StringNode)i).Value));
    }
}
