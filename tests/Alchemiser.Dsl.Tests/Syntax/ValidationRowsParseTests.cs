using Alchemiser.Dsl.Syntax;
using static Alchemiser.Dsl.Tests.Syntax.SyntaxTestKit;

namespace Alchemiser.Dsl.Tests.Syntax;

/// <summary>
/// The DSL2xx rows of §12 T4 are syntactically fine: they parse, and the node the binder will report sits at the
/// position the table expects.
/// </summary>
public sealed class ValidationRowsParseTests
{
    private const string Nuclear = """
        (defsymphony "N" {:rebalance-frequency :daily}
          (weight-equal
            [(if (> (rsii "SPY" {:window 10}) 79)
                 [(asset "UVXY")]
                 [(asset "SPY")])]))
        """;

    [Theory]
    [InlineData(Nuclear, 3, 14, "(rsii \"SPY\" {:window 10})")]
    [InlineData("(asset \"A\")", 1, 2, "(asset \"A\")")]
    [InlineData(
        "(defsymphony \"t\" {} (if (> (moving-average-price \"SPY\") 1) [(asset \"A\")] [(asset \"B\")]))",
        1,
        29,
        "(moving-average-price \"SPY\")")]
    [InlineData(
        "(defsymphony \"t\" {} (if (> (rsi \"SPY\" {:windw 10}) 1) [(asset \"A\")] [(asset \"B\")]))", 1, 40, ":windw")]
    [InlineData("(defsymphony \"t\" {} (filter (rsi 10) (select-top 0) [(asset \"A\")]))", 1, 50, "0")]
    [InlineData("(defsymphony \"t\" {} (weight-equal [(rsi \"SPY\" 10)]))", 1, 37, "(rsi \"SPY\" 10)")]
    public void Validation_error_rows_parse_and_locate_the_offending_node(string source, int line, int column, string node)
    {
        var root = Parse(source);

        Assert.Equal(node, CanonicalRenderer.Render(NodeAt(root, line, column)));
    }

    [Fact]
    public void Nuclear_file_with_CRLF_line_ends_locates_rsii_at_the_same_position()
    {
        var root = Parse(Nuclear.ReplaceLineEndings("\r\n"));

        Assert.Equal("rsii", ((CallNode)NodeAt(root, 3, 14)).Head.Name);
    }

    [Theory]
    [InlineData("(f x)")]
    [InlineData("[(asset \"A\") (asset \"B\")]")]
    [InlineData("(weight-equal [])")]
    [InlineData("(if false [(asset \"A\")])")]
    [InlineData("\"just a string\"")]
    [InlineData("42")]
    [InlineData("x")]
    public void Any_single_form_parses_whatever_its_meaning(string source) => Assert.NotNull(Parse(source));
}
