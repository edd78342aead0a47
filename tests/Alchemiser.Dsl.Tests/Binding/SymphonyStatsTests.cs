using static Alchemiser.Dsl.Tests.Binding.BindingHarness;

namespace Alchemiser.Dsl.Tests.Binding;

/// <summary><see cref="Alchemiser.Dsl.Binding.SymphonyStats"/>: the shape <c>alchemiser validate</c> reports.</summary>
public sealed class SymphonyStatsTests
{
    private const string Sample =
        "(defsymphony \"S\" {:rebalance-frequency :daily}\n" +
        "  (weight-equal [(group \"G\" [(asset \"spy\")])\n" +
        "                 (if (> (relative-strength-index \"qqq\" 10) 50) [(asset \"SPY\")] [(asset \"BIL\")])]))";

    [Fact]
    public void Forms_count_every_node_including_call_heads_and_map_keys()
    {
        // defsymphony call+head, "S", map+key+value = 6; weight-equal call+head, vector = 9;
        // group call+head, "G", vector, asset call+head, "spy" = 16; if, >, rsi calls+heads = 22;
        // "qqq", 10, 50 = 25; two vectors with an asset call+head and a string each = 33.
        Assert.Equal(33, Bind(Sample).Stats.Forms);
    }

    [Fact]
    public void Max_depth_is_the_deepest_bracket_nesting()
    {
        // defsymphony 1, weight-equal 2, vector 3, group 4, vector 5, asset 6.
        Assert.Equal(6, Bind(Sample).Stats.MaxDepth);
        Assert.Equal(2, Bind("(defsymphony \"t\" {} (asset \"A\"))").Stats.MaxDepth);
        Assert.Equal(4, Bind("(defsymphony \"t\" {} (weight-equal [(asset \"A\")]))").Stats.MaxDepth);
    }

    [Fact]
    public void Groups_count_every_group_call()
    {
        Assert.Equal(1, Bind(Sample).Stats.Groups);
        Assert.Equal(3, BindBody("(group \"a\" [(group \"b\" []) (if true [(group \"c\" [])])])").Stats.Groups);
        Assert.Equal(0, BindBody("[(asset \"A\")]").Stats.Groups);
    }

    [Fact]
    public void Functions_are_the_distinct_heads_as_written_in_ordinal_order()
    {
        Assert.Equal(
            [">", "asset", "defsymphony", "group", "if", "relative-strength-index", "weight-equal"],
            Bind(Sample).Stats.Functions);
        Assert.Equal(
            ["<", "asset", "defsymphony", "if", "relative-strength-index", "rsi"],
            BindBody("(if (< (rsi \"A\" 2) (relative-strength-index \"A\" 2)) [(asset \"A\")] [(asset \"B\")])").Stats.Functions);
    }

    [Fact]
    public void Tickers_include_indicator_tickers_with_the_position_of_their_first_use()
    {
        var tickers = Bind(Sample).Stats.Tickers;
        Assert.Equal(
            [("BIL", 3, 88), ("QQQ", 3, 50), ("SPY", 2, 37)],
            tickers.Select(t => (t.Ticker, t.At.Line, t.At.Column)));
    }

    [Fact]
    public void The_symphony_carries_its_name_file_and_top_level_call()
    {
        var symphony = Bind(Sample, "sample.clj");
        Assert.Equal("S", symphony.Name);
        Assert.Equal("sample.clj", symphony.FileName);
        Assert.Equal("defsymphony", symphony.Syntax.Head.Name);
        Assert.Equal((1, 2), (symphony.Syntax.Position.Line, symphony.Syntax.Position.Column));
    }
}
