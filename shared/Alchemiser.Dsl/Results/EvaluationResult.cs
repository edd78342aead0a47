using Alchemiser.Dsl.Binding;

namespace Alchemiser.Dsl.Results;

/// <summary>
/// What one evaluation yields (DSL.md §9): the Allocation (ticker → weight, 10 decimals, Σ = 1, keys in ordinal
/// order) and the Trace that explains it.
/// </summary>
public sealed record EvaluationResult(
    string Strategy,
    string Name,
    DateOnly AsOf,
    SymphonySettings Settings,
    IReadOnlyList<KeyValuePair<string, decimal>> Weights,
    IReadOnlyList<TraceEntry> Trace);
