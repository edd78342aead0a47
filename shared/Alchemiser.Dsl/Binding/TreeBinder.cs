using System.Globalization;
using System.Text;
using Alchemiser.Dsl.Syntax;

namespace Alchemiser.Dsl.Binding;

/// <summary>
/// The recursive walk behind <see cref="Binder.Bind"/>: checks every form against the function table of DSL.md §3 in
/// pre-order (a call's head, then its arity, then its arguments left to right, each with its whole subtree) and
/// builds the bound tree. The first violation is thrown. Recursion depth follows bracket depth, so
/// <see cref="Binder"/> runs deep trees on a thread with a large stack.
/// </summary>
internal sealed class TreeBinder
{
    private const string WeightExpression = "a weight expression";

    private readonly BindingErrors errors;
    private readonly Dictionary<string, SourceSpan> tickers = new(StringComparer.Ordinal);

    /// <summary>One buffer for every canonical rendering (a big file has one condition per <c>if</c>).</summary>
    private int groups;

    public TreeBinder(string fileName)
    {
        errors = new BindingErrors(fileName);
    }

    public Symphony BindSymphony(Node root, FormShape shape)
    {
        if (root is not CallNode call
            || !FunctionTable.TryGet(call.Head.Name, out var function)
            || function.Id != FunctionId.Defsymphony)
        {
            throw errors.At(
                root,
                DslErrorCodes.TopLevel,
                "expected (defsymphony name settings body) as the top-level form, found " + BindingErrors.Describe(root));
        }

        CheckArity(call, function.MinArgs, function.MaxArgs);
        if (call.Args[0] is not StringNode name)
        {
            throw errors.Expected(call.Args[0], "the symphony name (a string)");
        }

        if (call.Args[1] is not MapNode settingsMap)
        {
            throw errors.Expected(call.Args[1], "the settings map");
        }

        var settings = SettingsBinder.Bind(settingsMap, errors);
        var body = BindWeight(call.Args[2]);

        var tickerList = tickers
            .OrderBy(t => t.Key, StringComparer.Ordinal)
            .Select(t => new TickerReference(t.Key, t.Value))
            .ToArray();
        var stats = new SymphonyStats(shape.Forms, groups, tickerList, shape.MaxDepth, shape.Functions);
        return new Symphony(errors.FileName, name.Value, settings, body, call, stats);
    }

    // ---- W ----

    private BoundWeight BindWeight(Node node)
    {
        if (node is VectorNode vector)
        {
            var items = new BoundWeight[vector.Items.Count];
            for (var i = 0; i < items.Length; i++)
            {
                items[i] = BindWeight(vector.Items[i]);
            }

            return new BoundVector(vector, items);
        }

        if (node is not CallNode call)
        {
            throw errors.Expected(node, WeightExpression);
        }

        var function = Resolve(call);
        if (function.Result != ResultKind.Weight)
        {
            throw errors.Expected(call, WeightExpression);
        }

        if (function.Id == FunctionId.WeightSpecified)
        {
            return BindWeightSpecified(call);
        }

        CheckArity(call, function.MinArgs, function.MaxArgs);
        return function.Id switch
        {
            FunctionId.If => BindIf(call),
            FunctionId.Asset => BindAsset(call),
            FunctionId.Group => BindGroup(call),
            FunctionId.WeightEqual => new BoundWeightEqual(call, BindWeights(call, 0)),
            FunctionId.WeightInverseVolatility => BindInverseVolatility(call),
            FunctionId.Filter => BindFilter(call),
            _ => throw new InvalidOperationException("no weight binder for " + function.Name),
        };
    }

    private BoundWeight[] BindWeights(CallNode call, int first)
    {
        var result = new BoundWeight[call.Args.Count - first];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = BindWeight(call.Args[first + i]);
        }

        return result;
    }

    private BoundIf BindIf(CallNode call)
    {
        var condition = BindCondition(call.Args[0]);
        var then = BindWeight(call.Args[1]);
        var otherwise = call.Args.Count == 3 ? BindWeight(call.Args[2]) : null;
        return new BoundIf(call, condition, then, otherwise);
    }

    private BoundAsset BindAsset(CallNode call)
    {
        var ticker = BindTicker(call.Args[0]);
        if (call.Args.Count == 2 && call.Args[1] is not (StringNode or NilNode))
        {
            throw errors.Expected(call.Args[1], "a display name (a string) or nil");
        }

        return new BoundAsset(call, ticker);
    }

    private BoundGroup BindGroup(CallNode call)
    {
        if (call.Args[0] is not StringNode name)
        {
            throw errors.Expected(call.Args[0], "the group name (a string)");
        }

        groups++;
        var body = BindWeight(call.Args[1]);
        return new BoundGroup(call, name.Value, body, new GroupHistoryTickers(body));
    }

    private BoundWeightSpecified BindWeightSpecified(CallNode call)
    {
        var count = call.Args.Count;
        if (count < 2 || count % 2 != 0)
        {
            throw errors.At(
                call,
                DslErrorCodes.Arity,
                "'" + call.Head.Name + "' takes one or more weight and body pairs, got " + Arguments(count));
        }

        var branches = new WeightedBranch[count / 2];
        for (var i = 0; i < branches.Length; i++)
        {
            var weightForm = call.Args[2 * i];
            if (weightForm is not NumberNode weight)
            {
                throw errors.Expected(weightForm, "a weight (a number)");
            }

            if (weight.Value < 0m)
            {
                throw errors.At(weight, DslErrorCodes.Parameter, "weight must not be negative, got " + weight.Text);
            }

            // 0 normalises a written "-0" so no negative zero reaches the evaluator.
            var value = weight.Value == 0m ? 0m : weight.Value;
            branches[i] = new WeightedBranch(value, BindWeight(call.Args[(2 * i) + 1]));
        }

        return new BoundWeightSpecified(call, branches);
    }

    private BoundInverseVolatility BindInverseVolatility(CallNode call)
    {
        if (call.Args[0] is not NumberNode windowForm)
        {
            throw errors.Expected(call.Args[0], "a window (a number)");
        }

        var window = IndicatorParameterBinder.CheckWindow(windowForm, "window", 1, errors);
        return new BoundInverseVolatility(call, window, BindWeights(call, 1));
    }

    private BoundFilter BindFilter(CallNode call)
    {
        var metric = BindMetric(call.Args[0]);
        var order = FilterOrder.Top;
        int? limit = null;
        if (call.Args.Count == 3)
        {
            (order, limit) = BindSelector(call.Args[1]);
        }

        var candidates = BindWeight(call.Args[^1]);
        return new BoundFilter(call, metric, order, limit, candidates);
    }

    // ---- S and M ----

    private (FilterOrder Order, int Limit) BindSelector(Node node)
    {
        const string Selector = "a selector (select-top or select-bottom)";
        if (node is not CallNode call)
        {
            throw errors.Expected(node, Selector);
        }

        var function = Resolve(call);
        if (function.Result != ResultKind.Selector)
        {
            throw errors.Expected(call, Selector);
        }

        CheckArity(call, function.MinArgs, function.MaxArgs);
        if (call.Args[0] is not NumberNode count)
        {
            throw errors.Expected(call.Args[0], "a count (a number)");
        }

        var truncated = decimal.Truncate(count.Value);
        if (truncated < 1m)
        {
            throw errors.At(count, DslErrorCodes.Parameter, "'" + call.Head.Name + "' needs a count of at least 1, got " + count.Text);
        }

        // Selecting more than int.MaxValue candidates is the same as selecting all of them.
        var limit = truncated > int.MaxValue ? int.MaxValue : (int)truncated;
        return (function.Id == FunctionId.SelectTop ? FilterOrder.Top : FilterOrder.Bottom, limit);
    }

    private BoundMetric BindMetric(Node node)
    {
        const string Metric = "a filter metric (an indicator without ticker)";
        if (node is not CallNode call)
        {
            throw errors.Expected(node, Metric);
        }

        var function = Resolve(call);
        if (function.Result != ResultKind.Indicator)
        {
            throw errors.Expected(call, Metric);
        }

        // The ticker check comes before arity: (rsi "SPY" 10) is a metric with a ticker, not a metric with too many params.
        if (call.Args.Count > 0 && call.Args[0] is StringNode ticker)
        {
            throw errors.At(
                ticker,
                DslErrorCodes.ArgumentKind,
                "a filter metric takes no ticker (each candidate is scored), found " + CanonicalRenderer.Render(ticker));
        }

        CheckArity(call, 0, function.PositionalParameters, " as a filter metric");
        var spec = IndicatorParameterBinder.Bind(function, call, 0, mayOmit: true, errors);
        return new BoundMetric(call, spec);
    }

    // ---- C and N ----

    private BoundCondition BindCondition(Node node)
    {
        const string Condition = "a condition";
        if (node is BoolNode literal)
        {
            return new BoundBoolean(literal, literal.Value);
        }

        if (node is not CallNode call)
        {
            throw errors.Expected(node, Condition);
        }

        var function = Resolve(call);
        if (function.Result != ResultKind.Condition)
        {
            throw errors.Expected(call, Condition);
        }

        CheckArity(call, function.MinArgs, function.MaxArgs);
        switch (function.Id)
        {
            case FunctionId.Comparison:
                var left = BindNumber(call.Args[0]);
                var right = BindNumber(call.Args[1]);
                return new BoundComparison(call, function.Comparison, left, right);
            case FunctionId.Not:
                var operand = BindCondition(call.Args[0]);
                return new BoundNot(call, operand);
            default:
                var operands = new BoundCondition[call.Args.Count];
                for (var i = 0; i < operands.Length; i++)
                {
                    operands[i] = BindCondition(call.Args[i]);
                }

                var op = function.Id == FunctionId.And ? LogicalOperator.And : LogicalOperator.Or;
                return new BoundLogical(call, op, operands);
        }
    }

    private BoundNumber BindNumber(Node node)
    {
        const string NumberOperand = "a number or an indicator";
        if (node is NumberNode literal)
        {
            return new BoundNumberLiteral(literal, double.Parse(literal.Text, NumberStyles.Float, CultureInfo.InvariantCulture));
        }

        if (node is not CallNode call)
        {
            throw errors.Expected(node, NumberOperand);
        }

        var function = Resolve(call);
        if (function.Result != ResultKind.Indicator)
        {
            throw errors.Expected(call, NumberOperand);
        }

        CheckArity(call, 1, 1 + function.PositionalParameters);
        var ticker = BindTicker(call.Args[0]);
        var spec = IndicatorParameterBinder.Bind(function, call, 1, mayOmit: function.Indicator == IndicatorKind.Rsi, errors);
        return new BoundIndicator(call, spec, ticker);
    }

    // ---- T ----

    private string BindTicker(Node node)
    {
        if (node is not StringNode literal)
        {
            throw errors.Expected(node, "a ticker (a string)");
        }

        var ticker = literal.Value.ToUpperInvariant();
        if (!TickerRules.IsValid(ticker))
        {
            throw errors.At(literal, DslErrorCodes.InvalidTicker, "invalid ticker " + TickerRules.Quote(literal.Value));
        }

        tickers.TryAdd(ticker, literal.Position);
        return ticker;
    }

    // ---- shared checks ----

    /// <summary>The function a call names; DSL201 for an unknown head, DSL203 for a nested <c>defsymphony</c>.</summary>
    private FunctionInfo Resolve(CallNode call)
    {
        var head = call.Head.Name;
        if (!FunctionTable.TryGet(head, out var function))
        {
            throw errors.At(
                call,
                DslErrorCodes.UnknownFunction,
                "unknown function '" + head + "' (did you mean '" + NameSuggestions.Closest(head, FunctionTable.KnownNames) + "'?)");
        }

        if (function.Id == FunctionId.Defsymphony)
        {
            throw errors.Misplaced(call)!;
        }

        return function;
    }

    private void CheckArity(CallNode call, int min, int max, string context = "")
    {
        var count = call.Args.Count;
        if (count < min || count > max)
        {
            throw errors.At(
                call,
                DslErrorCodes.Arity,
                "'" + call.Head.Name + "'" + context + " takes " + FunctionInfo.DescribeArity(min, max) + ", got " + count.ToString(CultureInfo.InvariantCulture));
        }
    }

    private static string Arguments(int count) =>
        count.ToString(CultureInfo.InvariantCulture) + (count == 1 ? " argument" : " arguments");
}
