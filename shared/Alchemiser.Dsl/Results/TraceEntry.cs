namespace Alchemiser.Dsl.Results;

/// <summary>
/// One decision of an evaluation, in evaluation order (DSL.md §9). <see cref="Depth"/> is how many traced
/// decisions enclose this one; it shapes <c>alchemiser explain</c>'s tree and is not part of the JSON.
/// </summary>
public abstract record TraceEntry(string At, int Depth)
{
    /// <summary><c>if</c>, <c>filter</c> or <c>inverse-volatility</c>.</summary>
    public abstract string Type { get; }
}

/// <summary>An evaluated <c>if</c>: its condition as written, the values compared and the branch taken.</summary>
public sealed record IfTrace(
    string At,
    int Depth,
    string Condition,
    double? Left,
    double? Right,
    bool Result,
    string Branch,
    IReadOnlyList<ComparisonTrace> Comparisons) : TraceEntry(At, Depth)
{
    public override string Type => "if";
}

/// <summary>One comparison evaluated inside a compound condition.</summary>
public sealed record ComparisonTrace(string Expr, double Left, double Right, bool Result);

/// <summary>An evaluated <c>filter</c>: scored candidates in rank order, then dropped ones in input order.</summary>
public sealed record FilterTrace(
    string At,
    int Depth,
    string Metric,
    string Mode,
    string Order,
    int? Limit,
    bool Negated,
    IReadOnlyList<FilterCandidateTrace> Candidates) : TraceEntry(At, Depth)
{
    public override string Type => "filter";
}

/// <summary>A filter candidate: how it was scored, its rank, and why it was dropped if it was.</summary>
public sealed record FilterCandidateTrace(
    string Name,
    string Kind,
    string Method,
    double? Score,
    int? Rank,
    bool Selected,
    string? Error);

/// <summary>An evaluated <c>weight-inverse-volatility</c>.</summary>
public sealed record InverseVolatilityTrace(
    string At,
    int Depth,
    int Window,
    string Mode,
    IReadOnlyList<InverseVolatilityItemTrace> Items) : TraceEntry(At, Depth)
{
    public override string Type => "inverse-volatility";
}

/// <summary>One item of an inverse-volatility weighting: its volatility and resulting share (10 dp), or its error.</summary>
public sealed record InverseVolatilityItemTrace(string Name, double? Volatility, decimal? Share, string? Error);
