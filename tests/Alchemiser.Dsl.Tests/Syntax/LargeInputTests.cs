using System.Text;
using Alchemiser.Dsl.Syntax;
using static Alchemiser.Dsl.Tests.Syntax.SyntaxTestKit;

namespace Alchemiser.Dsl.Tests.Syntax;

/// <summary>DSL.md §12 T5(c), parsing part: a generated 20 MB file of repeated groups parses completely.</summary>
public sealed class LargeInputTests
{
    private const string GroupTemplate = """

             (group "G{0}"
               [(weight-equal
                  [(if (> (rsi "SPY" {{:window 10}}) 79)
                       [(asset "UVXY" "ProShares Ultra VIX")]
                       [(weight-specified 0.6 (asset "TQQQ") 0.4 (filter (moving-average-return {{:window 21}}) (select-top 2) [(asset "AAA") (asset "BBB")]))])])])
        """;

    [Fact]
    public void Twenty_megabytes_of_repeated_groups_parse_into_every_group()
    {
        var text = new StringBuilder("(defsymphony \"Big\" {:asset-class \"EQUITIES\" :rebalance-frequency :daily}\r\n  (weight-equal [");
        var groups = 0;
        while (text.Length < 20_000_000)
        {
            text.AppendFormat(System.Globalization.CultureInfo.InvariantCulture, GroupTemplate, groups);
            groups++;
        }

        text.Append("]))\n");

        var root = Assert.IsType<CallNode>(Parse(text.ToString()));

        var body = Assert.IsType<CallNode>(root.Args[2]);
        var items = Assert.IsType<VectorNode>(Assert.Single(body.Args)).Items;
        Assert.Equal(groups, items.Count);
        var last = Assert.IsType<CallNode>(items[^1]);
        Assert.Equal("\"G" + (groups - 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + "\"", CanonicalRenderer.Render(last.Args[0]));
        Assert.Equal(2 + ((groups - 1) * 5) + 1, last.Position.Line);
        Assert.Equal(text.ToString().LastIndexOf("(group", StringComparison.Ordinal), last.Span.Offset);
    }
}
