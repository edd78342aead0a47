using System.Text;
using Alchemiser.Dsl.Syntax;
using static Alchemiser.Dsl.Tests.Syntax.SyntaxTestKit;

namespace Alchemiser.Dsl.Tests.Syntax;

/// <summary>DSL.md §2 canonical rendering of parsed forms: single spaces, no commas, no comments, lexeme numbers.</summary>
public sealed class CanonicalRoundTripTests
{
    [Fact]
    public void Commas_comments_and_line_breaks_disappear_from_the_canonical_form()
    {
        var source = "(>\r\n  (rsi \"AAA\",, {:window 3}) ; the signal\n\t80)";

        Assert.Equal("(> (rsi \"AAA\" {:window 3}) 80)", CanonicalRenderer.Render(Parse(source)));
    }

    [Fact]
    public void The_overview_demo_renders_on_one_line()
    {
        const string demo = """
            (defsymphony "Demo" {:asset-class "EQUITIES" :rebalance-frequency :daily}
              (weight-specified
                0.6 (if (> (rsi "AAA" {:window 3}) 80)
                      [(asset "BBB")]
                      [(asset "AAA")])
                0.4 (filter (rsi {:window 5}) (select-top 1)
                      [(asset "AAA") (asset "BBB") (asset "CCC")])))
            """;

        Assert.Equal(
            "(defsymphony \"Demo\" {:asset-class \"EQUITIES\" :rebalance-frequency :daily} (weight-specified 0.6 "
            + "(if (> (rsi \"AAA\" {:window 3}) 80) [(asset \"BBB\")] [(asset \"AAA\")]) 0.4 (filter (rsi {:window 5}) "
            + "(select-top 1) [(asset \"AAA\") (asset \"BBB\") (asset \"CCC\")])))",
            CanonicalRenderer.Render(Parse(demo)));
    }

    [Theory]
    [InlineData("0.50", "0.50")]
    [InlineData("-007", "-007")]
    [InlineData("\"a\\\"b\\\\c\\nd\\t\\r\"", "\"a\\\"b\\\\c\\nd\\t\\r\"")]
    [InlineData("\"raw\nbreak\"", "\"raw\\nbreak\"")]
    [InlineData("[ true ,false, nil ]", "[true false nil]")]
    [InlineData("{ }", "{}")]
    [InlineData("[]", "[]")]
    [InlineData("(f)", "(f)")]
    [InlineData("{:a 1, :b [x]}", "{:a 1 :b [x]}")]
    [InlineData("(>= :k -)", "(>= :k -)")]
    public void Each_literal_renders_as_its_canonical_text(string source, string canonical) =>
        Assert.Equal(canonical, CanonicalRenderer.Render(Parse(source)));

    [Fact]
    public void Rendering_is_a_fixed_point_of_parsing()
    {
        var once = CanonicalRenderer.Render(Parse("(f ; c\n [1.0,\"x\\ty\"] {:k nil :j (g true)})"));

        Assert.Equal(once, CanonicalRenderer.Render(Parse(once)));
    }

    [Fact]
    public void A_form_4000_deep_renders_without_overflowing_the_stack()
    {
        var source = new StringBuilder();
        for (var i = 0; i < 2000; i++)
        {
            source.Append("(f\n [");
        }

        source.Append("1");
        for (var i = 0; i < 2000; i++)
        {
            source.Append(";\n ] )");
        }

        var rendered = CanonicalRenderer.Render(Parse(source.ToString()));

        Assert.Equal(
            string.Concat(Enumerable.Repeat("(f [", 2000)) + "1" + string.Concat(Enumerable.Repeat("])", 2000)),
            rendered);
    }
}
