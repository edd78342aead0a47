namespace Alchemiser.Core.Sessions;

/// <summary>What <see cref="IAggregationSessionStore.RecordResultAsync"/> did, and the session as it stands after it.</summary>
/// <param name="Recorded">True when this call added the result; false when the strategy already had one (a duplicate).</param>
public sealed record RecordOutcome(bool Recorded, AggregationSession Session);
