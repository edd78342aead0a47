using System.Text;
using Alchemiser.Dsl.Evaluation;
using Alchemiser.Dsl.Tests.Fixtures;

namespace Alchemiser.Dsl.Tests.Evaluation;

/// <summary>DSL.md §12 T5(c): a 20 MB file of ≈170k groups, each with an if on one shared RSI.</summary>
public class LargeFileTests
{
    private static string ManyGroups(int targetChars)
    {
        var sb = new StringBuilder(targetChars + 256);
        sb.Append("(defsymphony \"many\" {:rebalance-frequency :daily}\n  (weight-equal\n    [");
        for (var i = 0; sb.Length < targetChars; i++)
        {
            sb.Append("\n     (group \"g").Append(i).Append("\" [(if (> (rsi \"AAA\" {:window 3}) 50) [(asset \"AAA\")] [(asset \"BBB\")])])");
        }

        return sb.Append("]))\n").ToString();
    }

    [Fact]
    public void A_twenty_megabyte_file_parses_validates_and_evaluates_with_the_shared_rsi_computed_once()
    {
        var text = ManyGroups(20_000_000);
        var symphony = DslCompiler.Parse(text, "many.clj");
        Assert.True(symphony.Stats.Groups > 160_000, symphony.Stats.Groups.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var engine = new StrategyEngine(SpecFixtures.Prices());
        var result = engine.Evaluate(symphony, SpecFixtures.AsOf);

        Assert.Equal("AAA 1", EvaluationHarness.Describe(result)); // rsi 3 of AAA is 81.7 > 50 in every group
        Assert.Equal(symphony.Stats.Groups, result.Trace.Count);
        Assert.Equal(1, engine.Indicators.SeriesComputations);
    }
}
