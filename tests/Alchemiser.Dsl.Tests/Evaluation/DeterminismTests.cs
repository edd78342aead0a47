using System.Globalization;
using Alchemiser.Dsl.Evaluation;
using Alchemiser.Dsl.Results;
using Alchemiser.Dsl.Tests.Fixtures;

namespace Alchemiser.Dsl.Tests.Evaluation;

/// <summary>
/// DSL.md §12 T7: the same symphony, date and prices give byte-identical JSON — twice in one process, under other
/// cultures, with the price source's symbols in another order. (A large file: Alchemiser.Local.Tests, on the stress
/// symphony. Across processes and time zones: Alchemiser.Cli.Tests runs the CLI as child processes.)
/// </summary>
public class DeterminismTests
{
    private const string Steady = SpecFixtures.Steady;
    private const string Switch = SpecFixtures.Switch;

    public static TheoryData<string, string> Symphonies() => new()
    {
        { "demo", SpecFixtures.Demo },
        { "T3 #13", SpecFixtures.Symphony("""(weight-inverse-volatility 3 [(group "G1" [(weight-equal [(asset "AAA")])]) (group "G2" [(weight-equal [(asset "AAA") (asset "BBB")])])])""") },
        { "T3 #14", SpecFixtures.Symphony($"(filter (cumulative-return {{:window 3}}) (select-top 1) [{Steady} {Switch}])") },
        { "T3 #15", SpecFixtures.Symphony($"(filter (max-drawdown {{:window 3}}) (select-top 1) [{Steady} {Switch}])") },
        { "T3 #16", SpecFixtures.Symphony($"(filter (cumulative-return {{:window 3}}) (select-top 2) [{Steady} {Switch}])") },
    };

    private static string Outcome(string text, TablePrices prices)
    {
        try
        {
            return EvaluationResultJson.Write(new StrategyEngine(prices).Evaluate(DslCompiler.Parse(text, "t.clj"), SpecFixtures.AsOf));
        }
        catch (Alchemiser.Dsl.Syntax.DslException e)
        {
            return e.Display;
        }
    }

    [Theory]
    [MemberData(nameof(Symphonies))]
    public void Evaluating_twice_gives_byte_identical_output(string name, string text)
    {
        _ = name;
        Assert.Equal(Outcome(text, SpecFixtures.Prices()), Outcome(text, SpecFixtures.Prices()));
    }

    [Theory]
    [MemberData(nameof(Symphonies))]
    public void Other_cultures_give_byte_identical_output(string name, string text)
    {
        _ = name;
        var expected = Outcome(text, SpecFixtures.Prices());
        foreach (var culture in new[] { "tr-TR", "de-DE" })
        {
            var saved = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
            try
            {
                CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
                Assert.Equal(expected, Outcome(text, SpecFixtures.Prices()));
            }
            finally
            {
                (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = saved;
            }
        }
    }

    [Theory]
    [MemberData(nameof(Symphonies))]
    public void The_order_of_the_price_sources_symbols_changes_nothing(string name, string text)
    {
        _ = name;
        var prices = SpecFixtures.Prices();
        Assert.Equal(Outcome(text, prices), Outcome(text, prices.Reordered(["CCC", "BBB", "AAA"])));
        Assert.Equal(Outcome(text, prices), Outcome(text, prices.Reordered(["BBB", "CCC", "AAA"])));
    }
}
