using System.Text;
using Alchemiser.Dsl.Syntax;
using static Alchemiser.Dsl.Tests.Syntax.SyntaxTestKit;

namespace Alchemiser.Dsl.Tests.Syntax;

/// <summary>DSL.md §2 limits and §12 T5: the iterative parser accepts any depth up to MaxDepth and no more.</summary>
public sealed class NestingLimitTests
{
    private static string Brackets(int depth) => new string('[', depth) + new string(']', depth);

    private static int VectorDepth(Node node)
    {
        var depth = 0;
        while (node is VectorNode vector)
        {
            depth++;
            node = vector.Items.Count == 0 ? new NilNode(default) : vector.Items[0];
        }

        return depth;
    }

    [Fact]
    public void Depth_of_exactly_4096_brackets_parses() =>
        Assert.Equal(4096, VectorDepth(Parse(Brackets(4096))));

    [Fact]
    public void Bracket_4097_deep_is_DSL107_at_that_bracket() =>
        AssertError(ParseError(Brackets(4097)), DslErrorCodes.TooDeep, 1, 4097, "nesting deeper than 4096");

    [Fact]
    public void Too_deep_is_reported_at_the_first_bracket_past_the_limit_among_mixed_brackets()
    {
        var text = new StringBuilder();
        for (var i = 0; i < 1366; i++)
        {
            text.Append("(f [{:k ");
        }

        // Repeat i opens brackets 3i+1..3i+3 at columns 8i+1, 8i+4, 8i+5; bracket 4,097 is the '[' of repeat 1,365.
        AssertError(ParseError(text.ToString()), DslErrorCodes.TooDeep, 1, (1365 * 8) + 4, "nesting deeper than 4096");
    }

    [Fact]
    public void A_hundred_thousand_open_brackets_are_DSL107_without_crashing() =>
        AssertError(ParseError(new string('[', 100_000)), DslErrorCodes.TooDeep, 1, 4097, "nesting deeper than 4096");

    [Fact]
    public void Configured_depth_limit_is_used_and_named_in_the_message()
    {
        var options = new ParserOptions(MaxDepth: 1000);

        Assert.Equal(1000, VectorDepth(Parse(Brackets(1000), options)));
        AssertError(ParseError(Brackets(1001), options), DslErrorCodes.TooDeep, 1, 1001, "nesting deeper than 1000");
    }

    [Fact]
    public void A_raised_depth_limit_accepts_a_million_levels_without_using_the_call_stack()
    {
        var options = new ParserOptions(MaxDepth: 1_000_000);

        Assert.Equal(1_000_000, VectorDepth(Parse(Brackets(1_000_000), options)));
    }

    [Fact]
    public void Thousand_nested_weight_equal_groups_inside_defsymphony_parse()
    {
        var text = new StringBuilder("(defsymphony \"deep\" {}\n");
        for (var i = 0; i < 1000; i++)
        {
            text.Append("(weight-equal [");
        }

        text.Append("(asset \"A\")");
        for (var i = 0; i < 1000; i++)
        {
            text.Append("])");
        }

        text.Append(')');

        var root = Assert.IsType<CallNode>(Parse(text.ToString()));

        Assert.Equal("defsymphony", root.Head.Name);
        Node node = root.Args[2];
        for (var i = 0; i < 1000; i++)
        {
            var weight = Assert.IsType<CallNode>(node);
            Assert.Equal("weight-equal", weight.Head.Name);
            node = Assert.Single(Assert.IsType<VectorNode>(Assert.Single(weight.Args)).Items);
        }

        var asset = Assert.IsType<CallNode>(node);
        Assert.Equal("asset", asset.Head.Name);
        Assert.Equal(new SourceSpan(2, 15002, 15024, 5), asset.Position);
    }

    [Fact]
    public void Unclosed_deep_nesting_reports_the_innermost_bracket() =>
        AssertError(ParseError(new string('[', 4000)), DslErrorCodes.Structure, 1, 4000, "'[' is never closed");
}
