using Alchemiser.Dsl.Results;
using Alchemiser.Dsl.Tests.Fixtures;
using static Alchemiser.Dsl.Tests.Evaluation.EvaluationHarness;

namespace Alchemiser.Dsl.Tests.Evaluation;

/// <summary>DSL.md §12 T6: an evaluation at D sees only bars dated ≤ D.</summary>
public class LookAheadTests
{
    private static readonly DateOnly Jan12 = new(2024, 1, 12);

    [Fact]
    public void Demo_as_of_an_earlier_date_sees_only_the_bars_up_to_it()
    {
        var result = Evaluate(SpecFixtures.Demo, asOf: Jan12, file: "demo.clj");
        var @if = Assert.IsType<IfTrace>(result.Trace[0]);
        Assert.Equal(68.157437, @if.Left!.Value, 1e-6);
        Assert.Equal("else", @if.Branch);
        var filter = OnlyFilter(result);
        Assert.Equal(71.084890, filter.Candidates.Single(c => c.Name == "AAA").Score!.Value, 1e-6);
        Assert.Equal(45.082567, filter.Candidates.Single(c => c.Name == "BBB").Score!.Value, 1e-6);
        Assert.Contains("needs 5 bars, 2 available", filter.Candidates.Single(c => c.Name == "CCC").Error, StringComparison.Ordinal);
        Assert.Equal("AAA 1", Describe(result));
    }

    [Fact]
    public void Appending_bars_after_the_as_of_date_never_changes_the_json()
    {
        var expected = Json(SpecFixtures.Demo, asOf: Jan12, file: "demo.clj");
        var random = new Random(7);
        for (var trial = 0; trial < 20; trial++)
        {
            var prices = SpecFixtures.Prices();
            foreach (var symbol in new[] { "AAA", "BBB", "CCC" })
            {
                prices.Append(symbol, "2024-01-17", 1 + (random.NextDouble() * 500));
                prices.Append(symbol, "2024-01-18", 1 + (random.NextDouble() * 500));
            }

            Assert.Equal(expected, Json(SpecFixtures.Demo, prices, Jan12, "demo.clj"));
        }
    }

    [Fact]
    public void A_live_bar_for_the_as_of_date_is_read_like_any_other_bar()
    {
        var prices = SpecFixtures.Prices().Append("AAA", "2024-01-17", 113.5);
        var result = EvaluateBody(
            """(if (and (> (current-price "AAA") 0) (> (rsi "AAA" {:window 3}) 0)) [(asset "AAA")] [(asset "BBB")])""",
            prices,
            new DateOnly(2024, 1, 17));
        var @if = Assert.IsType<IfTrace>(Assert.Single(result.Trace));
        Assert.Equal(113.5, @if.Comparisons[0].Left);
        Assert.Equal(86.162010, @if.Comparisons[1].Left, 1e-6);
    }
}
