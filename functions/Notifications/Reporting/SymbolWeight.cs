namespace Alchemiser.Notifications.Reporting;

/// <summary>One symbol of an allocation and its weight (a fraction: 0.25 is 25%).</summary>
public sealed record SymbolWeight(string Symbol, decimal Weight);
