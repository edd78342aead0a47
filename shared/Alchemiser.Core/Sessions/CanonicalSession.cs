using System.Collections.ObjectModel;

namespace Alchemiser.Core.Sessions;

/// <summary>
/// The one shape in which every store hands sessions back, whatever it was given: timestamps in UTC (offset zero,
/// every tick kept), allocations keyed in ordinal order, results in the order of the session's strategies (not the
/// order they arrived in), and read-only copies so that neither the caller's later changes nor a cast can alter what
/// is stored.
/// </summary>
public static class CanonicalSession
{
    public static AggregationSession Of(AggregationSession session) =>
        session with
        {
            Strategies = ReadOnly(session.Strategies),
            CreatedAt = Utc(session.CreatedAt),
            Deadline = Utc(session.Deadline),
            ExpiresAt = Utc(session.ExpiresAt),
            Results = InStrategyOrder(session.Strategies, session.Results.Select(Of)),
            ClaimExpiresAt = session.ClaimExpiresAt is { } claimEnd ? Utc(claimEnd) : null,
        };

    public static StrategyResult Of(StrategyResult result) =>
        result with { Allocation = Allocation(result.Allocation), RecordedAt = Utc(result.RecordedAt) };

    /// <summary>A read-only copy of <paramref name="allocation"/> that enumerates its keys in ordinal order.</summary>
    public static IReadOnlyDictionary<string, decimal>? Allocation(IEnumerable<KeyValuePair<string, decimal>>? allocation)
    {
        if (allocation is null)
        {
            return null;
        }

        var sorted = new SortedDictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var (symbol, weight) in allocation)
        {
            sorted.Add(symbol, weight);
        }

        return new ReadOnlyDictionary<string, decimal>(sorted);
    }

    /// <summary><paramref name="results"/> (at most one per strategy) in the order of <paramref name="strategies"/>.</summary>
    public static IReadOnlyList<StrategyResult> InStrategyOrder(IReadOnlyList<SessionStrategy> strategies, IEnumerable<StrategyResult> results)
    {
        var byStrategy = results.ToDictionary(r => r.StrategyId, StringComparer.Ordinal);
        var ordered = new List<StrategyResult>(byStrategy.Count);
        foreach (var strategy in strategies)
        {
            if (byStrategy.TryGetValue(strategy.StrategyId, out var result))
            {
                ordered.Add(result);
            }
        }

        return ordered.AsReadOnly();
    }

    public static IReadOnlyList<T> ReadOnly<T>(IEnumerable<T> items) => Array.AsReadOnly(items.ToArray());

    public static DateTimeOffset Utc(DateTimeOffset instant) => instant.ToUniversalTime();
}
