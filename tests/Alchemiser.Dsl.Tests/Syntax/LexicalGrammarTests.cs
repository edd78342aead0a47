using Alchemiser.Dsl.Syntax;
using static Alchemiser.Dsl.Tests.Syntax.SyntaxTestKit;

namespace Alchemiser.Dsl.Tests.Syntax;

/// <summary>DSL.md §1: trivia, the lexeme classes and the lexical errors DSL101, DSL104, DSL105.</summary>
public sealed class LexicalGrammarTests
{
    private static Token Single(string lexeme)
    {
        var lexer = new Lexer(lexeme, FileName);
        var token = lexer.Next();
        Assert.Equal(TokenKind.EndOfInput, lexer.Next().Kind);
        return token;
    }

    [Theory]
    [InlineData("0", TokenKind.Integer, "0")]
    [InlineData("42", TokenKind.Integer, "42")]
    [InlineData("-7", TokenKind.Integer, "-7")]
    [InlineData("007", TokenKind.Integer, "007")]
    [InlineData("1.5", TokenKind.Float, "1.5")]
    [InlineData("-0.25", TokenKind.Float, "-0.25")]
    [InlineData("0.50", TokenKind.Float, "0.50")]
    [InlineData(":window", TokenKind.Keyword, "window")]
    [InlineData(":short-window", TokenKind.Keyword, "short-window")]
    [InlineData(":_a1-", TokenKind.Keyword, "_a1-")]
    [InlineData("weight-equal", TokenKind.Symbol, "weight-equal")]
    [InlineData("-", TokenKind.Symbol, "-")]
    [InlineData(">=", TokenKind.Symbol, ">=")]
    [InlineData("<", TokenKind.Symbol, "<")]
    [InlineData("=", TokenKind.Symbol, "=")]
    [InlineData("+1", TokenKind.Symbol, "+1")]
    [InlineData("-1a", TokenKind.Symbol, "-1a")]
    [InlineData("--1", TokenKind.Symbol, "--1")]
    [InlineData("a?!*/+<>=_-9", TokenKind.Symbol, "a?!*/+<>=_-9")]
    [InlineData("_x", TokenKind.Symbol, "_x")]
    [InlineData("True", TokenKind.Symbol, "True")]
    [InlineData("nil?", TokenKind.Symbol, "nil?")]
    [InlineData("true", TokenKind.True, null)]
    [InlineData("false", TokenKind.False, null)]
    [InlineData("nil", TokenKind.Nil, null)]
    public void Lexeme_is_classified_by_the_first_matching_row(string lexeme, TokenKind kind, string? text)
    {
        var token = Single(lexeme);

        Assert.Equal(kind, token.Kind);
        Assert.Equal(text, token.Text);
        Assert.Equal(lexeme.Length, token.Length);
    }

    [Theory]
    [InlineData("(", TokenKind.OpenParen)]
    [InlineData(")", TokenKind.CloseParen)]
    [InlineData("[", TokenKind.OpenBracket)]
    [InlineData("]", TokenKind.CloseBracket)]
    [InlineData("{", TokenKind.OpenBrace)]
    [InlineData("}", TokenKind.CloseBrace)]
    public void Brackets_are_single_char_tokens(string text, TokenKind kind) => Assert.Equal(kind, Single(text).Kind);

    [Fact]
    public void Brackets_and_quotes_end_a_lexeme_without_whitespace()
    {
        var lexer = new Lexer("(f[x]{:k\"s\"}1)", FileName);
        var kinds = new List<TokenKind>();
        for (var token = lexer.Next(); token.Kind != TokenKind.EndOfInput; token = lexer.Next())
        {
            kinds.Add(token.Kind);
        }

        Assert.Equal(
            [
                TokenKind.OpenParen, TokenKind.Symbol, TokenKind.OpenBracket, TokenKind.Symbol, TokenKind.CloseBracket,
                TokenKind.OpenBrace, TokenKind.Keyword, TokenKind.String, TokenKind.CloseBrace, TokenKind.Integer,
                TokenKind.CloseParen,
            ],
            kinds);
    }

    [Fact]
    public void End_of_input_is_returned_again_on_every_further_call()
    {
        var lexer = new Lexer("x ", FileName);
        lexer.Next();

        var first = lexer.Next();
        var second = lexer.Next();

        Assert.Equal(TokenKind.EndOfInput, first.Kind);
        Assert.Equal(first, second);
        Assert.Equal((1, 3, 2), (first.Line, first.Column, first.Offset));
    }

    [Theory]
    [InlineData("0.1", "0.1")]
    [InlineData("-0.25", "-0.25")]
    [InlineData("1.50", "1.50")]
    [InlineData("1234567890123456789012345678", "1234567890123456789012345678")]
    [InlineData("0.000000000000000000000000001", "0.000000000000000000000000001")]
    [InlineData("-9999999999999999999999999999", "-9999999999999999999999999999")]
    public void Number_value_is_the_exact_decimal_and_text_is_the_lexeme(string lexeme, string expected)
    {
        var number = Assert.IsType<NumberNode>(Parse(lexeme));

        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), number.Value);
        Assert.Equal(lexeme, number.Text);
        Assert.Equal(lexeme, number.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("12345678901234567890123456789")]
    [InlineData("-12345678901234567890123456789")]
    [InlineData("1234567890.1234567890123456789")]
    [InlineData("00000000000000000000000000000")]
    public void Number_with_more_than_28_digits_is_DSL105_at_its_start(string lexeme)
    {
        var error = ParseError("(f " + lexeme + ")");

        AssertError(error, DslErrorCodes.NumberTooLong, 1, 4, $"number '{lexeme}' has more than 28 digits");
    }

    [Theory]
    [InlineData("1.")]
    [InlineData("-1.")]
    [InlineData("1.5.2")]
    [InlineData("1e5")]
    [InlineData("7O")]
    [InlineData("-1.5x")]
    [InlineData("-.5")]
    [InlineData(":")]
    [InlineData(":1")]
    [InlineData("::a")]
    [InlineData(":a.b")]
    [InlineData("a.b")]
    [InlineData("a:b")]
    [InlineData("a#")]
    [InlineData("aé")]
    [InlineData("x'")]
    public void Lexeme_starting_in_the_start_set_that_matches_no_class_is_DSL104(string lexeme) =>
        AssertError(ParseError("[ " + lexeme + " ]"), DslErrorCodes.InvalidToken, 1, 3, $"invalid token '{lexeme}'");

    [Theory]
    [InlineData(".5", "'.'")]
    [InlineData("#{}", "'#'")]
    [InlineData("@x", "'@'")]
    [InlineData("'x", "'''")]
    [InlineData("`x", "'`'")]
    [InlineData("~x", "'~'")]
    [InlineData("^x", "'^'")]
    [InlineData("%x", "'%'")]
    [InlineData("&x", "'&'")]
    [InlineData("\\x", "'\\'")]
    [InlineData("é", "'é'")]
    [InlineData("\U0001F600", "'\U0001F600'")]
    [InlineData("\u0001", "'U+0001'")]
    [InlineData("\uFEFF(x)", "'U+FEFF'")]
    public void Lexeme_starting_outside_the_start_set_is_DSL101_naming_the_char(string lexeme, string quoted) =>
        AssertError(ParseError("[ " + lexeme + " ]"), DslErrorCodes.UnexpectedCharacter, 1, 3, "unexpected character " + quoted);

    [Fact]
    public void Very_long_invalid_token_is_quoted_shortened()
    {
        var lexeme = new string('7', 200) + "x";

        var error = ParseError(lexeme);

        AssertError(error, DslErrorCodes.InvalidToken, 1, 1, "invalid token '" + new string('7', 64) + "…'");
    }

    [Fact]
    public void Comma_is_whitespace()
    {
        var call = Assert.IsType<CallNode>(Parse(",(f,1,,2 ,[3,4],{:a,5}),"));

        Assert.Equal("f", call.Head.Name);
        Assert.Equal(4, call.Args.Count);
        Assert.Equal(2, Assert.IsType<VectorNode>(call.Args[2]).Items.Count);
        Assert.Single(Assert.IsType<MapNode>(call.Args[3]).Entries);
    }

    [Fact]
    public void Comment_runs_to_the_line_break_and_hides_brackets_and_quotes()
    {
        var call = Assert.IsType<CallNode>(Parse("(f ; ) ] \" #\n 1 ;x\r 2 ;y\r\n 3) ; trailing comment without newline"));

        Assert.Equal([1m, 2m, 3m], call.Args.Select(a => ((NumberNode)a).Value));
        Assert.Equal(4, call.Args[2].Span.Line);
    }

    [Fact]
    public void Unicode_whitespace_is_skipped_but_only_CR_and_LF_end_lines()
    {
        var call = Assert.IsType<CallNode>(Parse("(f\u00A0a\u2028b\u2029c\u0085d\vx\fy)"));

        Assert.Equal(["a", "b", "c", "d", "x", "y"], call.Args.Select(a => ((SymbolNode)a).Name));
        Assert.All(call.Args, a => Assert.Equal(1, a.Span.Line));
        Assert.Equal(14, call.Args[5].Span.Column);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    public void True_and_false_are_bool_literals_not_symbols(string text, bool value)
    {
        var call = Assert.IsType<CallNode>(Parse("(f " + text + ")"));

        Assert.Equal(value, Assert.IsType<BoolNode>(call.Args[0]).Value);
    }

    [Fact]
    public void Nil_is_a_literal_not_a_symbol() =>
        Assert.IsType<NilNode>(Assert.IsType<CallNode>(Parse("(asset \"A\" nil)")).Args[1]);

    [Fact]
    public void Repeated_names_share_one_string_instance()
    {
        var root = Parse("(weight-equal [(asset \"SPY\") (asset \"SPY\" {:window 1}) (weight-equal {:window 2})])");
        var nodes = AllNodes(root);

        var assets = nodes.OfType<SymbolNode>().Where(s => s.Name == "asset").ToList();
        var weights = nodes.OfType<SymbolNode>().Where(s => s.Name == "weight-equal").ToList();
        var windows = nodes.OfType<KeywordNode>().ToList();
        var tickers = nodes.OfType<StringNode>().ToList();

        Assert.Same(assets[0].Name, assets[1].Name);
        Assert.Same(weights[0].Name, weights[1].Name);
        Assert.Same(windows[0].Name, windows[1].Name);
        Assert.Same(tickers[0].Value, tickers[1].Value);
    }
}
