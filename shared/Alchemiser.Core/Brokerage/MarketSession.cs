namespace Alchemiser.Core.Brokerage;

/// <summary>One trading day of the broker's calendar: when the regular session opens and closes (an early close closes at 13:00 New York).</summary>
public sealed record MarketSession(DateOnly Date, DateTimeOffset Opens, DateTimeOffset Closes);
