using Alchemiser.Dsl.Syntax;
using Alchemiser.Dsl.Tests.Fixtures;
using static Alchemiser.Dsl.Tests.Evaluation.EvaluationHarness;

namespace Alchemiser.Dsl.Tests.Evaluation;

/// <summary>DSL.md §12 T3: every combinator row, as-of 2024-01-16 on the spec fixtures, weights after §8.</summary>
public class CombinatorTests
{
    private const string Steady = SpecFixtures.Steady;
    private const string Switch = SpecFixtures.Switch;

    public static TheoryData<string, string, string> Rows() => new()
    {
        { "1", """(weight-equal [(asset "A") (weight-equal [(asset "B") (asset "C")])])""", "A 0.5, B 0.25, C 0.25" },
        { "2", """(weight-equal [(asset "A") (asset "A") (asset "B")])""", "A 0.6666666667, B 0.3333333333" },
        { "3", """(weight-equal [(asset "A") (asset "B") (asset "C")])""", "A 0.3333333334, B 0.3333333333, C 0.3333333333" },
        { "4", """(weight-specified 0.6 (asset "A") 0.4 [(asset "B") (asset "C")])""", "A 0.6, B 0.2, C 0.2" },
        { "5", """(weight-specified 0.3 (asset "A") 0.3 (asset "B"))""", "A 0.5, B 0.5" },
        { "6", """(weight-equal [(weight-specified 0.3 (asset "A") 0.3 (asset "B")) (asset "C")])""", "A 0.25, B 0.25, C 0.5" },
        { "7", """(weight-equal [(asset "X") (if (< (rsi "AAA" {:window 3}) 50) [(asset "UVXY")] [(asset "SPY") (asset "TLT")])])""", "SPY 0.3333333334, TLT 0.3333333333, X 0.3333333333" },
        { "8", """(weight-specified 1 (if (< (rsi "AAA" {:window 3}) 50) [(asset "UVXY")] [(asset "SPY") (asset "TLT")]))""", "SPY 0.5, TLT 0.5" },
        { "9", """(filter (rsi {:window 3}) (select-top 1) [(asset "AAA") (asset "BBB") (asset "CCC")])""", "AAA 1" },
        { "10", """(filter (rsi {:window 5}) (select-bottom 2) [(asset "AAA") (asset "BBB") (asset "CCC")])""", "AAA 0.5, BBB 0.5" },
        { "11", """(filter (max-drawdown {:window 3}) (select-top 1) [(asset "AAA") (asset "BBB")])""", "BBB 1" },
        { "12", """(weight-inverse-volatility 5 [(asset "AAA") (asset "BBB") (asset "CCC")])""", "AAA 0.6984455003, BBB 0.3015544997" },
        { "13", """(weight-inverse-volatility 3 [(group "G1" [(weight-equal [(asset "AAA")])]) (group "G2" [(weight-equal [(asset "AAA") (asset "BBB")])])])""", "AAA 0.8345165248, BBB 0.1654834752" },
        { "14", $"""(filter (cumulative-return {"{"}:window 3{"}"}) (select-top 1) [{Steady} {Switch}])""", "AAA 1" },
        { "15", $"""(filter (max-drawdown {"{"}:window 3{"}"}) (select-top 1) [{Steady} {Switch}])""", "AAA 1" },
        { "15b", $"""(filter (max-drawdown {"{"}:window 3{"}"}) (select-bottom 1) [{Steady} {Switch}])""", "BBB 1" },
        { "16", $"""(filter (cumulative-return {"{"}:window 3{"}"}) (select-top 2) [{Steady} {Switch}])""", "AAA 0.5, BBB 0.5" },
        { "17", $"""(filter (cumulative-return {"{"}:window 3{"}"}) (select-bottom 1) [(asset "BBB") {Steady}])""", "BBB 1" },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Combinator_row_yields_the_specified_weights(string row, string body, string expected)
    {
        _ = row; // names the T3 row in the test explorer
        Assert.Equal(expected, Describe(EvaluateBody(body)));
    }

    [Theory]
    [InlineData("""(if false [(asset "A")])""", DslErrorCodes.FalseIfWithoutElse)]
    [InlineData("""(weight-equal [])""", DslErrorCodes.EmptyResult)]
    [InlineData("""[(asset "A") (asset "B")]""", DslErrorCodes.SeveralWeightNodes)]
    public void Row_18_failures_carry_their_codes(string body, string code)
    {
        var e = Assert.ThrowsAny<DslException>(() => EvaluateBody(body));
        Assert.Equal(code, e.Code);
    }

    [Fact]
    public void Inverse_volatility_of_groups_reports_each_group_volatility()
    {
        var result = EvaluateBody("""(weight-inverse-volatility 3 [(group "G1" [(weight-equal [(asset "AAA")])]) (group "G2" [(weight-equal [(asset "AAA") (asset "BBB")])])])""");
        var entry = Assert.Single(result.Trace.OfType<Results.InverseVolatilityTrace>());
        Assert.Equal("grouped", entry.Mode);
        Assert.Equal(27.5937954285477, entry.Items[0].Volatility);
        Assert.Equal(55.77947006918381, entry.Items[1].Volatility);
    }

    [Fact]
    public void Inverse_volatility_records_an_excluded_ticker_with_its_error()
    {
        var result = EvaluateBody("""(weight-inverse-volatility 5 [(asset "AAA") (asset "BBB") (asset "CCC")])""");
        var entry = Assert.Single(result.Trace.OfType<Results.InverseVolatilityTrace>());
        Assert.Equal("flat", entry.Mode);
        Assert.Equal(["AAA", "BBB", "CCC"], entry.Items.Select(i => i.Name));
        Assert.Null(entry.Items[2].Share);
        Assert.Contains("needs 6 bars, 3 available", entry.Items[2].Error, StringComparison.Ordinal);
        Assert.Equal(0.6984455003m, entry.Items[0].Share);
    }

    [Fact]
    public void Filter_lists_a_dropped_candidate_after_the_ranked_ones_with_null_rank_and_its_message()
    {
        var filter = OnlyFilter(EvaluateBody("""(filter (rsi {:window 5}) (select-bottom 2) [(asset "AAA") (asset "BBB") (asset "CCC")])"""));
        Assert.Equal(["BBB", "AAA", "CCC"], filter.Candidates.Select(c => c.Name));
        Assert.Equal([1, 2, (int?)null], filter.Candidates.Select(c => c.Rank));
        Assert.Equal([true, true, false], filter.Candidates.Select(c => c.Selected));
        Assert.Equal("t.clj:1:30: insufficient history: rsi(window=5) on CCC as of 2024-01-16 needs 5 bars, 3 available", filter.Candidates[2].Error);
        Assert.Equal("bottom", filter.Order);
        Assert.Equal(2, filter.Limit);
    }

    [Fact]
    public void Weight_specified_weights_are_not_renormalized_before_the_final_allocation()
    {
        // 0.3 + 0.3 inside a weight-equal: normalized as a child, so C keeps half.
        Assert.Equal("A 0.25, B 0.25, C 0.5", Describe(EvaluateBody("""(weight-equal [(weight-specified 0.3 (asset "A") 0.3 (asset "B")) (asset "C")])""")));
    }
}
