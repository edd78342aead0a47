using Alchemiser.Dsl.Syntax;
using static Alchemiser.Dsl.Tests.Syntax.SyntaxTestKit;

namespace Alchemiser.Dsl.Tests.Syntax;

/// <summary>DSL.md §1 rule 2 and §2: every node's line, column (UTF-16 units), offset and length.</summary>
public sealed class SourcePositionTests
{
    [Fact]
    public void Every_node_records_line_column_offset_and_length()
    {
        var call = Assert.IsType<CallNode>(Parse("(rsi \"SPY\" {:window 10} [1.5 :k true nil])"));
        var map = Assert.IsType<MapNode>(call.Args[1]);
        var vector = Assert.IsType<VectorNode>(call.Args[2]);

        Assert.Equal(new SourceSpan(1, 1, 0, 42), call.Span);
        Assert.Equal(new SourceSpan(1, 2, 1, 3), call.Head.Span);
        Assert.Equal(new SourceSpan(1, 6, 5, 5), call.Args[0].Span);
        Assert.Equal(new SourceSpan(1, 12, 11, 12), map.Span);
        Assert.Equal(new SourceSpan(1, 13, 12, 7), map.Entries[0].Key.Span);
        Assert.Equal(new SourceSpan(1, 21, 20, 2), map.Entries[0].Value.Span);
        Assert.Equal(new SourceSpan(1, 25, 24, 17), vector.Span);
        Assert.Equal(
            [new SourceSpan(1, 26, 25, 3), new SourceSpan(1, 30, 29, 2), new SourceSpan(1, 33, 32, 4), new SourceSpan(1, 38, 37, 3)],
            vector.Items.Select(i => i.Span));
    }

    [Fact]
    public void Position_of_a_call_is_its_head_and_of_other_nodes_their_first_char()
    {
        var call = Assert.IsType<CallNode>(Parse("(\n  asset \"A\")"));

        Assert.Equal(new SourceSpan(1, 1, 0, 14), call.Span);
        Assert.Equal(new SourceSpan(2, 3, 4, 5), call.Position);
        Assert.Equal(call.Args[0].Span, call.Args[0].Position);
    }

    [Fact]
    public void CR_LF_LF_and_lone_CR_each_end_one_line()
    {
        var call = Assert.IsType<CallNode>(Parse("(f\r\n1\n2\r3\r\r\n4\n\r5)"));

        Assert.Equal(
            [(2, 1, 4), (3, 1, 6), (4, 1, 8), (6, 1, 12), (8, 1, 15)],
            call.Args.Select(a => (a.Span.Line, a.Span.Column, a.Span.Offset)));
    }

    [Fact]
    public void Tab_counts_as_one_column()
    {
        var call = Assert.IsType<CallNode>(Parse("\t(f\t\tx)"));

        Assert.Equal(2, call.Span.Column);
        Assert.Equal(6, call.Args[0].Span.Column);
    }

    [Fact]
    public void Columns_count_UTF16_units_so_a_surrogate_pair_takes_two()
    {
        var call = Assert.IsType<CallNode>(Parse("(f \"\U0001F600\" x)"));

        Assert.Equal(4, call.Args[0].Span.Length);
        Assert.Equal(9, call.Args[1].Span.Column);
    }

    [Fact]
    public void Line_counting_continues_after_a_multi_line_string_and_a_comment()
    {
        var root = Parse("(f \"one\r\ntwo\" ; note\r\n   [x\n\"y\n\" z])");
        var z = NodeAt(root, 5, 3);

        Assert.Equal("z", Assert.IsType<SymbolNode>(z).Name);
        Assert.Equal(33, z.Span.Offset);
    }

    [Fact]
    public void Errors_after_many_lines_carry_the_right_line()
    {
        var text = string.Concat(Enumerable.Repeat("  ; comment line\r\n", 500)) + "(f\n\n   #)";

        AssertError(ParseError(text), DslErrorCodes.UnexpectedCharacter, 503, 4, "unexpected character '#'");
    }

    [Fact]
    public void Keyword_span_includes_its_colon_and_number_span_its_sign()
    {
        var map = Assert.IsType<MapNode>(Parse("{:long-window -12.50}"));

        Assert.Equal(new SourceSpan(1, 2, 1, 12), map.Entries[0].Key.Span);
        Assert.Equal(new SourceSpan(1, 15, 14, 6), map.Entries[0].Value.Span);
        Assert.Equal("long-window", map.Entries[0].Key.Name);
    }
}
