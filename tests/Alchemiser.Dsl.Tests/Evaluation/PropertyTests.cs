using Alchemiser.Dsl.Evaluation;
using Alchemiser.Dsl.Pricing;
using Alchemiser.Dsl.Results;
using Alchemiser.Dsl.Syntax;
using Alchemiser.Dsl.Tests.Fixtures;

namespace Alchemiser.Dsl.Tests.Evaluation;

/// <summary>Properties over random symphonies × random data × random as-of dates (DSL.md §12 T6b, T7, §8).</summary>
public class PropertyTests
{
    private const int Cases = 300;

    /// <summary>The JSON, or the error as the user would see it.</summary>
    private static string Outcome(string text, IPriceSource prices, DateOnly asOf)
    {
        try
        {
            return EvaluationResultJson.Write(DslCompiler.Evaluate(DslCompiler.Parse(text, "random.clj"), asOf, prices));
        }
        catch (DslException e)
        {
            return e.Code + " " + e.Display;
        }
    }

    [Fact]
    public void Altering_or_adding_bars_after_the_as_of_date_never_changes_the_outcome()
    {
        for (var seed = 0; seed < Cases; seed++)
        {
            var random = new RandomSymphonies(seed);
            var text = random.Symphony();
            var prices = random.Prices();
            var asOf = random.AsOf();
            var expected = Outcome(text, prices, asOf);
            var altered = random.AlteredAfter(prices, asOf);
            Assert.True(expected == Outcome(text, altered, asOf), $"seed {seed}: {text}");
        }
    }

    [Fact]
    public void The_engine_never_reads_past_the_first_bar_after_the_as_of_date()
    {
        for (var seed = 0; seed < Cases; seed++)
        {
            var random = new RandomSymphonies(seed);
            var text = random.Symphony();
            var prices = random.Prices();
            var asOf = random.AsOf();
            var guarded = new GuardedPrices(prices, asOf);
            var expected = Outcome(text, prices, asOf);
            Assert.True(expected == Outcome(text, guarded, asOf), $"seed {seed}: {text}");
        }
    }

    [Fact]
    public void Every_allocation_is_positive_and_sums_to_one()
    {
        var evaluated = 0;
        for (var seed = 0; seed < Cases; seed++)
        {
            var random = new RandomSymphonies(seed);
            var text = random.Symphony();
            EvaluationResult result;
            try
            {
                result = DslCompiler.Evaluate(DslCompiler.Parse(text, "random.clj"), random.AsOf(), random.Prices());
            }
            catch (DslException)
            {
                continue;
            }

            evaluated++;
            Assert.NotEmpty(result.Weights);
            Assert.All(result.Weights, w => Assert.True(w.Value > 0m, $"seed {seed}: {w.Key} {w.Value}"));
            Assert.True(Math.Abs(result.Weights.Sum(w => w.Value) - 1m) <= 1e-12m, $"seed {seed}");
            Assert.All(result.Weights, w => Assert.Equal(w.Value, Math.Round(w.Value, 10)));
            Assert.Equal(result.Weights.Select(w => w.Key).Order(StringComparer.Ordinal), result.Weights.Select(w => w.Key));
        }

        Assert.True(evaluated > Cases / 4, $"only {evaluated} of {Cases} random symphonies evaluated");
    }

    [Fact]
    public void Evaluating_twice_on_one_engine_equals_evaluating_on_fresh_engines()
    {
        for (var seed = 0; seed < 100; seed++)
        {
            var random = new RandomSymphonies(seed);
            var text = random.Symphony();
            var prices = random.Prices();
            var dates = Enumerable.Range(0, 4).Select(_ => random.AsOf()).ToList();
            var shared = new StrategyEngine(prices);
            var symphony = DslCompiler.Parse(text, "random.clj");
            foreach (var date in dates)
            {
                string viaShared;
                try
                {
                    viaShared = EvaluationResultJson.Write(shared.Evaluate(symphony, date));
                }
                catch (DslException e)
                {
                    viaShared = e.Code + " " + e.Display;
                }

                Assert.True(Outcome(text, prices, date) == viaShared, $"seed {seed} at {date}: {text}");
            }
        }
    }

    /// <summary>A source whose lists throw when the engine reads beyond the first bar dated after the as-of date.</summary>
    private sealed class GuardedPrices(TablePrices inner, DateOnly asOf) : IPriceSource
    {
        public IReadOnlyList<PriceBar> GetBars(string symbol) => new GuardedList(inner.GetBars(symbol), asOf);

        private sealed class GuardedList(IReadOnlyList<PriceBar> bars, DateOnly asOf) : IReadOnlyList<PriceBar>
        {
            private readonly int _limit = Limit(bars, asOf);

            public int Count => bars.Count;

            public PriceBar this[int index] => index <= _limit
                ? bars[index]
                : throw new InvalidOperationException($"read bar {index} dated {bars[index].Date}, past the as-of date {asOf}");

            public IEnumerator<PriceBar> GetEnumerator() => throw new InvalidOperationException("enumerating the whole history reads past the as-of date");

            System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

            private static int Limit(IReadOnlyList<PriceBar> bars, DateOnly asOf)
            {
                var last = -1;
                while (last + 1 < bars.Count && bars[last + 1].Date <= asOf)
                {
                    last++;
                }

                return last + 1; // the first bar after the as-of date may be looked at, to find the end of the view
            }
        }
    }
}
