using Alchemiser.Dsl.Syntax;

namespace Alchemiser.Dsl.Binding;

/// <summary>
/// The validated, typed tree the evaluator runs (DSL.md §3–§7). The binder builds it from the form tree after every
/// static check has passed, so the evaluator never meets an unknown function, a bad arity or an unresolved default.
/// </summary>
public abstract class BoundNode(Node syntax)
{
    /// <summary>The form this node was bound from.</summary>
    public Node Syntax { get; } = syntax;

    /// <summary>Where evaluation errors about this node are reported (a call's head).</summary>
    public SourceSpan At => Syntax.Position;

    /// <summary>The call head as written (<c>weight-equal</c>), or <c>vector</c> for a vector.</summary>
    public string Head => Syntax is CallNode call ? call.Head.Name : "vector";
}

// ---- weight expressions (kind W) ----

/// <summary>Anything that yields weights: asset, group, if, the weight-* combinators, filter, or a vector of them.</summary>
public abstract class BoundWeight(Node syntax) : BoundNode(syntax);

/// <summary><c>(asset "SPY")</c>: ticker upper-cased and checked.</summary>
public sealed class BoundAsset(Node syntax, string ticker) : BoundWeight(syntax)
{
    public string Ticker { get; } = ticker;
}

/// <summary><c>[a b c]</c> in a weight position.</summary>
public sealed class BoundVector(Node syntax, IReadOnlyList<BoundWeight> items) : BoundWeight(syntax)
{
    public IReadOnlyList<BoundWeight> Items { get; } = items;
}

/// <summary>
/// <c>(group "Name" body)</c>. <see cref="HistoryTickers"/> is T(G) of DSL.md §7.3 rule 2: the tickers of every
/// <c>asset</c> form inside the body, all branches, in order of first appearance.
/// </summary>
public sealed class BoundGroup(Node syntax, string name, BoundWeight body, IReadOnlyList<string> historyTickers) : BoundWeight(syntax)
{
    public string Name { get; } = name;

    public BoundWeight Body { get; } = body;

    public IReadOnlyList<string> HistoryTickers { get; } = historyTickers;
}

/// <summary><c>(if condition then else?)</c>.</summary>
public sealed class BoundIf(Node syntax, BoundCondition condition, BoundWeight then, BoundWeight? @else) : BoundWeight(syntax)
{
    public BoundCondition Condition { get; } = condition;

    public BoundWeight Then { get; } = then;

    public BoundWeight? Else { get; } = @else;
}

/// <summary><c>(weight-equal w…)</c>.</summary>
public sealed class BoundWeightEqual(Node syntax, IReadOnlyList<BoundWeight> args) : BoundWeight(syntax)
{
    public IReadOnlyList<BoundWeight> Args { get; } = args;
}

/// <summary><c>(weight-specified w1 body1 w2 body2 …)</c>; weights exact decimals ≥ 0.</summary>
public sealed class BoundWeightSpecified(Node syntax, IReadOnlyList<WeightedBranch> branches) : BoundWeight(syntax)
{
    public IReadOnlyList<WeightedBranch> Branches { get; } = branches;
}

/// <summary>One (weight, body) pair of <c>weight-specified</c>.</summary>
public sealed record WeightedBranch(decimal Weight, BoundWeight Body);

/// <summary><c>(weight-inverse-volatility window w…)</c>; window truncated and range-checked.</summary>
public sealed class BoundInverseVolatility(Node syntax, int window, IReadOnlyList<BoundWeight> args) : BoundWeight(syntax)
{
    public int Window { get; } = window;

    public IReadOnlyList<BoundWeight> Args { get; } = args;
}

/// <summary>Ranking direction of a filter.</summary>
public enum FilterOrder
{
    Top,
    Bottom,
}

/// <summary><c>(filter metric selector? candidates)</c>. No selector: order top, no limit.</summary>
public sealed class BoundFilter(Node syntax, BoundMetric metric, FilterOrder order, int? limit, BoundWeight candidates) : BoundWeight(syntax)
{
    public BoundMetric Metric { get; } = metric;

    public FilterOrder Order { get; } = order;

    public int? Limit { get; } = limit;

    public BoundWeight Candidates { get; } = candidates;
}

/// <summary>A filter's metric: an indicator call without ticker, e.g. <c>(rsi {:window 5})</c>.</summary>
public sealed class BoundMetric(Node syntax, IndicatorSpec spec) : BoundNode(syntax)
{
    private string? _text;

    public IndicatorSpec Spec { get; } = spec;

    /// <summary>The metric's canonical rendering, as the trace prints it (rendered on first use).</summary>
    public string Text => _text ??= CanonicalRenderer.Render(Syntax);
}

// ---- conditions (kind C) ----

/// <summary>
/// Anything that yields a bool. <see cref="Text"/> is the canonical rendering, made on first use: only conditions
/// that reach a trace are rendered, and nested and/or/not trees never hold a copy of their text per level.
/// </summary>
public abstract class BoundCondition(Node syntax) : BoundNode(syntax)
{
    private string? _text;

    public string Text => _text ??= CanonicalRenderer.Render(Syntax);
}

/// <summary>Comparison operators; compared as IEEE doubles.</summary>
public enum ComparisonOperator
{
    GreaterThan,
    LessThan,
    GreaterOrEqual,
    LessOrEqual,
    Equal,
}

/// <summary><c>(&gt; left right)</c> and friends.</summary>
public sealed class BoundComparison(Node syntax, ComparisonOperator op, BoundNumber left, BoundNumber right)
    : BoundCondition(syntax)
{
    public ComparisonOperator Operator { get; } = op;

    public BoundNumber Left { get; } = left;

    public BoundNumber Right { get; } = right;
}

/// <summary><c>and</c> / <c>or</c>.</summary>
public enum LogicalOperator
{
    And,
    Or,
}

/// <summary><c>(and c…)</c> / <c>(or c…)</c>, short-circuit left to right.</summary>
public sealed class BoundLogical(Node syntax, LogicalOperator op, IReadOnlyList<BoundCondition> operands)
    : BoundCondition(syntax)
{
    public LogicalOperator Operator { get; } = op;

    public IReadOnlyList<BoundCondition> Operands { get; } = operands;
}

/// <summary><c>(not c)</c>.</summary>
public sealed class BoundNot(Node syntax, BoundCondition operand) : BoundCondition(syntax)
{
    public BoundCondition Operand { get; } = operand;
}

/// <summary>The literal <c>true</c> / <c>false</c> as a condition.</summary>
public sealed class BoundBoolean(Node syntax, bool value) : BoundCondition(syntax)
{
    public bool Value { get; } = value;
}

// ---- numbers (kind N) ----

/// <summary>A numeric comparison operand.</summary>
public abstract class BoundNumber(Node syntax) : BoundNode(syntax);

/// <summary>A number literal as a comparison operand: <c>double.Parse(lexeme)</c>.</summary>
public sealed class BoundNumberLiteral(Node syntax, double value) : BoundNumber(syntax)
{
    public double Value { get; } = value;
}

/// <summary>An indicator on a ticker, e.g. <c>(rsi "SPY" {:window 10})</c>.</summary>
public sealed class BoundIndicator(Node syntax, IndicatorSpec spec, string ticker) : BoundNumber(syntax)
{
    public IndicatorSpec Spec { get; } = spec;

    public string Ticker { get; } = ticker;
}
