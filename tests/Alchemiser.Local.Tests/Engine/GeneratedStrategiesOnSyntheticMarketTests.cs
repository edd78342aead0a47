using Alchemiser.Core.MarketData;
using Alchemiser.Dsl;
using Alchemiser.Dsl.Evaluation;
using Alchemiser.Dsl.Pricing;
using Alchemiser.Dsl.Results;
using Alchemiser.Local.MarketData;
using Alchemiser.Local.Synthetic;

namespace Alchemiser.Local.Tests.Engine;

/// <summary>
/// The engine on the inputs the project generates: the stress symphony (issue #2's acceptance thresholds) and the
/// project's own strategies, evaluated on a synthetic market over many dates.
/// </summary>
public class GeneratedStrategiesOnSyntheticMarketTests
{
    private static readonly DateOnly End = new(2025, 6, 30);

    private static (IPriceSource Prices, List<DateOnly> Days) Market(IEnumerable<string> tickers, int years = 2)
    {
        var series = new SyntheticMarket(11).Generate(tickers, End.AddYears(-years), End);
        var store = new InMemoryBarStore(series);
        var days = NyseCalendar.TradingDays(End.AddDays(-90), End).ToList();
        return (new BarStorePriceSource(store), days);
    }

    private static void AssertIsAllocation(EvaluationResult result)
    {
        Assert.NotEmpty(result.Weights);
        Assert.All(result.Weights, w => Assert.True(w.Value > 0m));
        Assert.Equal(1m, result.Weights.Sum(w => w.Value));
    }

    [Fact]
    public void The_stress_symphony_meets_the_size_thresholds_and_parses_validates_and_evaluates()
    {
        var stress = StressSymphonyGenerator.Generate();
        var symphony = DslCompiler.Parse(stress.Text, "stress.clj");

        Assert.True(stress.Utf8Bytes >= 2_000_000, $"{stress.Utf8Bytes} bytes");
        Assert.True(symphony.Stats.Groups >= 600, $"{symphony.Stats.Groups} groups");
        Assert.True(symphony.Stats.MaxDepth >= 200, $"depth {symphony.Stats.MaxDepth}");
        Assert.True(symphony.Stats.Tickers.Count >= 250, $"{symphony.Stats.Tickers.Count} tickers");

        var (prices, days) = Market(stress.Tickers);
        var engine = new StrategyEngine(prices);
        foreach (var day in days.TakeLast(5))
        {
            var result = engine.Evaluate(symphony, day);
            AssertIsAllocation(result);
            Assert.NotEmpty(result.Trace);
        }
    }

    [Fact]
    public void The_stress_symphony_ranks_groups_by_their_history()
    {
        var stress = StressSymphonyGenerator.Generate();
        var (prices, days) = Market(stress.Tickers);
        var result = new StrategyEngine(prices).Evaluate(DslCompiler.Parse(stress.Text, "stress.clj"), days[^1]);
        var methods = result.Trace.OfType<FilterTrace>().SelectMany(f => f.Candidates).Select(c => c.Method).ToHashSet(StringComparer.Ordinal);
        Assert.Contains("history", methods);
        Assert.Contains("indicator", methods);
    }

    [Fact]
    public void The_stress_symphony_gives_byte_identical_json_twice_under_other_cultures_and_symbol_orders()
    {
        var stress = StressSymphonyGenerator.Generate();
        var series = new SyntheticMarket(11).Generate(stress.Tickers, End.AddYears(-2), End);
        string Json(IEnumerable<KeyValuePair<string, IReadOnlyList<DailyBar>>> bars) =>
            EvaluationResultJson.Write(new StrategyEngine(new BarStorePriceSource(new InMemoryBarStore(bars)))
                .Evaluate(DslCompiler.Parse(stress.Text, "stress.clj"), End));

        var expected = Json(series);
        Assert.Equal(expected, Json(series));
        Assert.Equal(expected, Json(series.OrderByDescending(p => p.Key, StringComparer.Ordinal)));
        var saved = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            foreach (var culture in new[] { "tr-TR", "de-DE" })
            {
                System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.GetCultureInfo(culture);
                Assert.Equal(expected, Json(series));
            }
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = saved;
        }
    }

    [Theory]
    [InlineData("nuclear.clj")]
    [InlineData("tecl.clj")]
    [InlineData("klm.clj")]
    public void An_own_strategy_evaluates_on_every_day_of_a_quarter(string file)
    {
        var symphony = DslCompiler.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Strategies, file)), file);
        var (prices, days) = Market(symphony.Stats.Tickers.Select(t => t.Ticker));
        var engine = new StrategyEngine(prices);
        var holdings = new HashSet<string>(StringComparer.Ordinal);
        foreach (var day in days)
        {
            var result = engine.Evaluate(symphony, day);
            AssertIsAllocation(result);
            holdings.UnionWith(result.Weights.Select(w => w.Key));
        }

        // A strategy that never changes its mind over a quarter of synthetic data is not exercising its branches.
        Assert.True(holdings.Count >= 2, file + " held only " + string.Join(", ", holdings));
    }
}
