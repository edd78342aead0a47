using System.Globalization;
using Alchemiser.Dsl.Binding;
using Alchemiser.Dsl.Indicators;
using Alchemiser.Dsl.Results;
using Alchemiser.Dsl.Syntax;

namespace Alchemiser.Dsl.Evaluation;

/// <summary>
/// One top-level evaluation (DSL.md §5): walks the bound tree at an as-of date, records the trace, and descends into
/// nested historical evaluations for group scoring. Weight values are ticker strings, <see cref="Portfolio"/>s and
/// <see cref="ValueList"/>s.
/// </summary>
internal sealed partial class Evaluator(StrategyEngine engine, string file, DateOnly topAsOf)
{
    private readonly List<TraceEntry> _trace = [];
    private int _depth;

    public EvaluationResult Run(Symphony symphony, string strategyId)
    {
        var value = EvalWeight(symphony.Body, topAsOf, traced: true);
        var weights = FinalAllocation.From(value, symphony.Body, file);
        return new EvaluationResult(strategyId, symphony.Name, topAsOf, symphony.Settings, weights, _trace);
    }

    // ---- weight expressions ----

    private object EvalWeight(BoundWeight node, DateOnly asOf, bool traced) => node switch
    {
        BoundAsset asset => asset.Ticker,
        BoundVector vector => EvalVector(vector, asOf, traced),
        BoundGroup group => EvalGroup(group, asOf, traced),
        BoundIf @if => EvalIf(@if, asOf, traced),
        BoundWeightEqual equal => EvalWeightEqual(equal, asOf, traced),
        BoundWeightSpecified specified => EvalWeightSpecified(specified, asOf, traced),
        BoundInverseVolatility inverse => EvalInverseVolatility(inverse, asOf, traced),
        BoundFilter filter => EvalFilter(filter, asOf, traced),
        _ => throw new InvalidOperationException("unknown weight node " + node.GetType().Name),
    };

    private ValueList EvalVector(BoundVector vector, DateOnly asOf, bool traced)
    {
        if (vector.Items.Count == 0)
        {
            return ValueList.Empty;
        }

        var items = new object[vector.Items.Count];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = EvalWeight(vector.Items[i], asOf, traced);
        }

        return new ValueList(items);
    }

    /// <summary>The node rule of §5 rule 5.</summary>
    private Portfolio EvalGroup(BoundGroup group, DateOnly asOf, bool traced)
    {
        var value = WeightValues.Unwrap(EvalWeight(group.Body, asOf, traced));
        return value switch
        {
            Portfolio p => p.WithIdentity(group, group),
            string ticker => Portfolio.Single(group, ticker, group),
            ValueList { Items.Count: 0 } => new Portfolio(group, group),
            ValueList list => throw Error(DslErrorCodes.SeveralWeightNodes, group.At,
                string.Create(CultureInfo.InvariantCulture, $"group '{group.Name}' must yield one weight node, got {list.Items.Count}")),
            _ => throw new InvalidOperationException("unexpected value " + value.GetType().Name),
        };
    }

    private object EvalIf(BoundIf node, DateOnly asOf, bool traced)
    {
        var comparisons = traced ? new List<ComparisonTrace>() : null;
        var result = EvalCondition(node.Condition, asOf, comparisons);
        var branch = result ? node.Then : node.Else;
        if (traced)
        {
            var single = node.Condition is BoundComparison && comparisons!.Count == 1;
            _trace.Add(new IfTrace(
                At(node.At),
                _depth,
                node.Condition.Text,
                single ? comparisons![0].Left : null,
                single ? comparisons![0].Right : null,
                result,
                result ? "then" : "else",
                single ? [] : comparisons!));
        }

        if (branch is null)
        {
            throw Error(DslErrorCodes.FalseIfWithoutElse, node.At, "condition is false and 'if' has no else");
        }

        return Nested(branch, asOf, traced);
    }

    /// <summary>Evaluates a sub-tree one trace level deeper.</summary>
    private object Nested(BoundWeight node, DateOnly asOf, bool traced)
    {
        if (!traced)
        {
            return EvalWeight(node, asOf, traced);
        }

        _depth++;
        try
        {
            return EvalWeight(node, asOf, traced);
        }
        finally
        {
            _depth--;
        }
    }

    /// <summary>§5 rule 7.</summary>
    private Portfolio EvalWeightEqual(BoundWeightEqual node, DateOnly asOf, bool traced)
    {
        var children = new List<object>();
        foreach (var arg in node.Args)
        {
            CollectEqualChildren(EvalWeight(arg, asOf, traced), children);
        }

        if (children.Count == 0)
        {
            throw Error(DslErrorCodes.EmptyResult, node.At, "weight-equal has no non-empty children");
        }

        var share = 1m / children.Count;
        var result = new Portfolio(node, capacity: children.Count);
        foreach (var child in children)
        {
            if (child is string ticker)
            {
                result.Add(ticker, share);
                continue;
            }

            var p = (Portfolio)child;
            var sum = p.Sum();
            foreach (var t in p.Tickers)
            {
                result.Add(t, p[t] / sum * share);
            }
        }

        return result;
    }

    /// <summary>children(v): non-empty portfolios (normalized when added), tickers, lists flattened.</summary>
    private static void CollectEqualChildren(object value, List<object> children)
    {
        switch (value)
        {
            case string:
                children.Add(value);
                break;
            case Portfolio p:
                if (!p.IsEmpty)
                {
                    children.Add(p);
                }

                break;
            case ValueList list:
                foreach (var item in list.Items)
                {
                    CollectEqualChildren(item, children);
                }

                break;
        }
    }

    /// <summary>§5 rule 8.</summary>
    private Portfolio EvalWeightSpecified(BoundWeightSpecified node, DateOnly asOf, bool traced)
    {
        var result = new Portfolio(node);
        for (var i = 0; i < node.Branches.Count; i++)
        {
            var branch = node.Branches[i];
            var unit = Unit(EvalWeight(branch.Body, asOf, traced), node);
            if (unit is null)
            {
                throw Error(DslErrorCodes.EmptyResult, node.At,
                    string.Create(CultureInfo.InvariantCulture, $"weight-specified branch {i + 1} (weight {branch.Weight.ToString(CultureInfo.InvariantCulture)}) has no weights"));
            }

            result.AddScaled(unit, branch.Weight);
        }

        return result;
    }

    /// <summary>unit(v) of §5 rule 8; null when empty.</summary>
    private static Portfolio? Unit(object value, BoundNode producer)
    {
        switch (value)
        {
            case string ticker:
                return Portfolio.Single(producer, ticker);
            case Portfolio p:
                return p.IsEmpty ? null : p.Normalized(producer);
            case ValueList list:
                var items = new List<Portfolio>(list.Items.Count);
                foreach (var item in list.Items)
                {
                    if (Unit(WeightValues.Unwrap(item), producer) is { } unit)
                    {
                        items.Add(unit);
                    }
                }

                if (items.Count == 0)
                {
                    return null;
                }

                var share = 1m / items.Count;
                var result = new Portfolio(producer);
                foreach (var item in items)
                {
                    result.AddScaled(item, share);
                }

                return result;
            default:
                throw new InvalidOperationException("unexpected value " + value.GetType().Name);
        }
    }

    // ---- conditions and numbers ----

    private bool EvalCondition(BoundCondition node, DateOnly asOf, List<ComparisonTrace>? record)
    {
        switch (node)
        {
            case BoundComparison c:
                var left = EvalNumber(c.Left, asOf);
                var right = EvalNumber(c.Right, asOf);
                var result = c.Operator switch
                {
                    ComparisonOperator.GreaterThan => left > right,
                    ComparisonOperator.LessThan => left < right,
                    ComparisonOperator.GreaterOrEqual => left >= right,
                    ComparisonOperator.LessOrEqual => left <= right,
                    _ => left == right,
                };
                record?.Add(new ComparisonTrace(c.Text, left, right, result));
                return result;
            case BoundLogical logical:
                foreach (var operand in logical.Operands)
                {
                    var value = EvalCondition(operand, asOf, record);
                    if (logical.Operator == LogicalOperator.And ? !value : value)
                    {
                        return value;
                    }
                }

                return logical.Operator == LogicalOperator.And;
            case BoundNot not:
                return !EvalCondition(not.Operand, asOf, record);
            case BoundBoolean literal:
                return literal.Value;
            default:
                throw new InvalidOperationException("unknown condition " + node.GetType().Name);
        }
    }

    private double EvalNumber(BoundNumber node, DateOnly asOf) => node switch
    {
        BoundNumberLiteral literal => literal.Value,
        BoundIndicator indicator => IndicatorValue(indicator.Ticker, indicator.Spec, asOf, indicator.At),
        _ => throw new InvalidOperationException("unknown number " + node.GetType().Name),
    };

    /// <summary>§5 rule 10 and §6: the indicator's value on the as-of view of <paramref name="symbol"/>.</summary>
    private double IndicatorValue(string symbol, IndicatorSpec spec, DateOnly asOf, SourceSpan at)
    {
        var history = engine.History(symbol);
        var length = ViewLength(history, asOf, at);
        var needed = IndicatorMath.BarsNeeded(spec);
        if (length < needed)
        {
            throw new InsufficientHistoryException(
                file,
                at,
                string.Create(CultureInfo.InvariantCulture,
                    $"insufficient history: {spec.Describe()} on {symbol} as of {asOf:yyyy-MM-dd} needs {needed} bars, {length} available"),
                symbol,
                spec.Name,
                spec.Parameters(),
                needed,
                length,
                asOf);
        }

        var seriesLength = asOf == topAsOf ? length : ViewLength(history, topAsOf, at);
        return engine.Indicators.Value(history, spec, length, seriesLength);
    }

    /// <summary>L(d) for a symbol, with invalid data reported as DSL305 at <paramref name="at"/>.</summary>
    private int ViewLength(SymbolHistory history, DateOnly asOf, SourceSpan at)
    {
        try
        {
            return history.LengthAsOf(asOf);
        }
        catch (InvalidPriceDataException e)
        {
            throw Error(DslErrorCodes.InvalidPriceData, at, e.Message);
        }
    }

    // ---- helpers ----

    private string At(SourceSpan at) => string.Create(CultureInfo.InvariantCulture, $"{file}:{at.Line}:{at.Column}");

    private DslException Error(string code, SourceSpan at, string message) => new(code, file, at, message);
}
