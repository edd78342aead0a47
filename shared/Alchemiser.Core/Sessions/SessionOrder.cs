namespace Alchemiser.Core.Sessions;

/// <summary>
/// The order of <see cref="IAggregationSessionStore.FindAsync"/>: newest <see cref="AggregationSession.CreatedAt"/>
/// first; sessions created at the same instant by session id in ordinal order, so the answer never depends on how a
/// store happens to iterate.
/// </summary>
public static class SessionOrder
{
    public static IReadOnlyList<AggregationSession> NewestFirst(IEnumerable<AggregationSession> sessions) =>
        sessions
            .OrderByDescending(s => s.CreatedAt)
            .ThenBy(s => s.SessionId, StringComparer.Ordinal)
            .ToArray()
            .AsReadOnly();
}
