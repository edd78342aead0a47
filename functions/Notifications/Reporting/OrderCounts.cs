namespace Alchemiser.Notifications.Reporting;

/// <summary>How many orders execution placed, how many filled and how many failed.</summary>
public sealed record OrderCounts(int Placed, int Filled, int Failed);
