using Alchemiser.Dsl.Binding;
using Alchemiser.Dsl.Pricing;
using Alchemiser.Dsl.Results;

namespace Alchemiser.Dsl.Evaluation;

/// <summary>
/// Evaluates symphonies against one price source. An engine keeps what it has computed — symbol histories,
/// indicator series, group weights per (group, date) — so evaluating many strategies or many as-of dates on one
/// engine does each piece of work once. Caches never change results (DSL.md §11.3).
/// Not thread-safe: use one engine per thread.
/// </summary>
public sealed class StrategyEngine
{
    /// <summary>Trees deeper than this are walked on a dedicated large-stack thread.</summary>
    private const int InlineDepthLimit = 192;

    private readonly IPriceSource _prices;
    private readonly Dictionary<string, SymbolHistory> _histories = new(StringComparer.Ordinal);

    public StrategyEngine(IPriceSource prices)
    {
        ArgumentNullException.ThrowIfNull(prices);
        _prices = prices;
    }

    /// <summary>How many times a group body has been evaluated for its history (each (group, date) at most once).</summary>
    public int GroupHistoryEvaluations { get; internal set; }

    internal IndicatorCache Indicators { get; } = new();

    internal Dictionary<(BoundGroup Group, DateOnly Date), GroupDay> GroupDays { get; } = [];

    internal Dictionary<(BoundGroup Group, DateOnly AsOf, int Count), object> GroupCalendars { get; } = [];

    /// <summary>
    /// Evaluates <paramref name="symphony"/> as of <paramref name="asOf"/>. <paramref name="strategyId"/> defaults to the
    /// file name without extension. Throws <see cref="Syntax.DslException"/> for evaluation errors.
    /// </summary>
    public EvaluationResult Evaluate(Symphony symphony, DateOnly asOf, string? strategyId = null)
    {
        ArgumentNullException.ThrowIfNull(symphony);
        var id = strategyId ?? Path.GetFileNameWithoutExtension(symphony.FileName);
        var evaluator = new Evaluator(this, symphony.FileName, asOf);
        return symphony.Stats.MaxDepth <= InlineDepthLimit
            ? evaluator.Run(symphony, id)
            : LargeStack.Run(() => evaluator.Run(symphony, id));
    }

    internal SymbolHistory History(string symbol)
    {
        if (!_histories.TryGetValue(symbol, out var history))
        {
            history = new SymbolHistory(symbol, _prices.GetBars(symbol));
            _histories[symbol] = history;
        }

        return history;
    }
}

/// <summary>A group's raw weights on one date, or the DSL error evaluating it raised (errors are memoized too).</summary>
internal sealed record GroupDay(Portfolio? Weights, Syntax.DslException? Error);
