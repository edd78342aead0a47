using Alchemiser.Dsl.Binding;
using static Alchemiser.Dsl.Tests.Binding.BindingHarness;

namespace Alchemiser.Dsl.Tests.Binding;

/// <summary>T(G) of DSL.md §7.3 rule 2, exposed as <see cref="BoundGroup.HistoryTickers"/>.</summary>
public sealed class GroupHistoryTickerTests
{
    // Outer's body names, in order: b (asset), Z (indicator only), C, B, A (inner group, both branches), D, C (filter
    // candidates), E (weight-specified), F (inverse volatility), A again.
    private const string Nested =
        "(group \"Outer\" [(weight-equal [" +
        "  (asset \"b\")" +
        "  (group \"Inner\" [(if (> (rsi \"Z\" 3) 1) [(asset \"C\")] [(asset \"B\") (asset \"A\")])])" +
        "  (filter (rsi 3) (select-top 1) [(asset \"D\") (asset \"C\")])" +
        "  (weight-specified 1 (asset \"E\"))" +
        "  (weight-inverse-volatility 5 (asset \"F\") (asset \"a\"))])])";

    private static (BoundGroup Outer, BoundGroup Inner) Groups()
    {
        var outer = Body<BoundGroup>(Nested);
        var equal = Assert.IsType<BoundWeightEqual>(Assert.Single(Assert.IsType<BoundVector>(outer.Body).Items));
        var inner = Assert.IsType<BoundGroup>(Assert.IsType<BoundVector>(equal.Args[0]).Items[1]);
        return (outer, inner);
    }

    [Fact]
    public void A_group_lists_the_asset_tickers_of_all_its_branches_in_first_appearance_order_without_duplicates()
    {
        var (outer, inner) = Groups();
        Assert.Equal(["B", "C", "A", "D", "E", "F"], outer.HistoryTickers);
        Assert.Equal(["C", "B", "A"], inner.HistoryTickers);
    }

    [Fact]
    public void An_inner_group_computed_first_gives_the_same_outer_list()
    {
        var (outer, inner) = Groups();
        Assert.Equal(["C", "B", "A"], inner.HistoryTickers);
        Assert.Equal(["B", "C", "A", "D", "E", "F"], outer.HistoryTickers);
    }

    [Fact]
    public void Indicator_tickers_in_conditions_are_not_part_of_the_history_tickers()
    {
        var group = Body<BoundGroup>("(group \"G\" (if (> (rsi \"SPY\" 3) (current-price \"QQQ\")) [(asset \"BIL\")]))");
        Assert.Equal(["BIL"], group.HistoryTickers);
    }

    [Fact]
    public void A_group_without_assets_has_no_history_tickers()
    {
        var group = Body<BoundGroup>("(group \"Empty\" [])");
        Assert.Empty(group.HistoryTickers);
    }

    [Fact]
    public void The_list_answers_count_indexer_and_enumeration_consistently()
    {
        var list = Groups().Outer.HistoryTickers;
        Assert.Equal(6, list.Count);
        Assert.Equal("D", list[3]);
        Assert.Equal(list.ToArray(), Enumerable.Range(0, list.Count).Select(i => list[i]));
        Assert.Throws<IndexOutOfRangeException>(() => list[6]);
    }

    [Fact]
    public void Concurrent_first_reads_all_see_the_same_list()
    {
        var (outer, _) = Groups();
        var results = new string[8][];
        Parallel.For(0, results.Length, i => results[i] = outer.HistoryTickers.ToArray());
        Assert.All(results, r => Assert.Equal(["B", "C", "A", "D", "E", "F"], r));
    }

    [Fact]
    public void Deeply_nested_groups_each_see_every_ticker_below_them()
    {
        // 1,000 nested groups; level i holds asset Ti and the next level.
        const int Levels = 1000;
        var sb = new System.Text.StringBuilder();
        for (var i = 0; i < Levels; i++)
        {
            sb.Append(System.Globalization.CultureInfo.InvariantCulture, $"(group \"G{i}\" [(asset \"T{i}\") ");
        }

        sb.Append("(asset \"T0\")");
        sb.Insert(0, "(weight-equal [").Append(string.Concat(Enumerable.Repeat("])", Levels))).Append("])");
        var groups = new List<BoundGroup>();
        var root = Body<BoundWeightEqual>(sb.ToString());
        BoundWeight current = Assert.Single(Assert.IsType<BoundVector>(Assert.Single(root.Args)).Items);
        while (current is BoundGroup group)
        {
            groups.Add(group);
            current = Assert.IsType<BoundVector>(group.Body).Items[^1];
        }

        Assert.Equal(Levels, groups.Count);
        Assert.Equal(["T999", "T0"], groups[^1].HistoryTickers);
        Assert.Equal(Levels, groups[0].HistoryTickers.Count);
        Assert.Equal("T0", groups[0].HistoryTickers[0]);
        Assert.Equal("T999", groups[0].HistoryTickers[^1]);
        var fromLevel500 = Enumerable.Range(500, 500).Select(i => "T" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append("T0");
        Assert.Equal(fromLevel500, groups[500].HistoryTickers);
    }
}
