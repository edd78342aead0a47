using System.Globalization;
using Alchemiser.Dsl.Evaluation;
using Alchemiser.Dsl.Pricing;
using Alchemiser.Dsl.Results;
using Alchemiser.Dsl.Tests.Fixtures;

namespace Alchemiser.Dsl.Tests.Evaluation;

/// <summary>Parse-and-evaluate shorthands for specification tests.</summary>
internal static class EvaluationHarness
{
    public static EvaluationResult Evaluate(string text, IPriceSource? prices = null, DateOnly? asOf = null, string file = "t.clj") =>
        DslCompiler.Evaluate(DslCompiler.Parse(text, file), asOf ?? SpecFixtures.AsOf, prices ?? SpecFixtures.Prices());

    public static EvaluationResult EvaluateBody(string body, IPriceSource? prices = null, DateOnly? asOf = null) =>
        Evaluate(SpecFixtures.Symphony(body), prices, asOf);

    public static string Json(string text, IPriceSource? prices = null, DateOnly? asOf = null, string file = "t.clj") =>
        EvaluationResultJson.Write(Evaluate(text, prices, asOf, file));

    /// <summary>Weights as "A 0.5, B 0.25" for compact assertions.</summary>
    public static string Describe(EvaluationResult result) =>
        string.Join(", ", result.Weights.Select(w => w.Key + " " + JsonWriter.FormatDecimal(w.Value)));

    public static FilterTrace OnlyFilter(EvaluationResult result) => Assert.Single(result.Trace.OfType<FilterTrace>());

    public static StrategyEngine Engine(IPriceSource? prices = null) => new(prices ?? SpecFixtures.Prices());
}
