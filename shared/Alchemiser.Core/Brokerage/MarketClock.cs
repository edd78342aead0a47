namespace Alchemiser.Core.Brokerage;

/// <summary>The broker's market clock: whether the market is open at <see cref="Timestamp"/>, and its next open and close.</summary>
public sealed record MarketClock(DateTimeOffset Timestamp, bool IsOpen, DateTimeOffset NextOpen, DateTimeOffset NextClose);
