using Alchemiser.Dsl.Binding;
using Alchemiser.Dsl.Evaluation;
using Alchemiser.Dsl.Pricing;
using Alchemiser.Dsl.Results;
using Alchemiser.Dsl.Syntax;

namespace Alchemiser.Dsl;

/// <summary>The engine's front door (DSL.md §9): parse + validate a file, evaluate it at an as-of date.</summary>
public static class DslCompiler
{
    /// <summary>Lexes, parses and validates; throws <see cref="DslException"/> with <c>file:line:col</c>.</summary>
    public static Symphony Parse(string text, string fileName, ParserOptions? options = null) =>
        Binder.Bind(Parser.Parse(text, fileName, options), fileName);

    /// <summary>
    /// Evaluates once on a fresh engine. To evaluate many strategies or dates on the same prices, keep one
    /// <see cref="StrategyEngine"/> instead: it shares indicator series and group histories between evaluations.
    /// </summary>
    public static EvaluationResult Evaluate(Symphony symphony, DateOnly asOf, IPriceSource prices, string? strategyId = null) =>
        new StrategyEngine(prices).Evaluate(symphony, asOf, strategyId);
}
