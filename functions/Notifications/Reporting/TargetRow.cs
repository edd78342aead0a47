namespace Alchemiser.Notifications.Reporting;

/// <summary>
/// One symbol of the consolidated target: its target weight and, when the run was planned, the weight held before and
/// the value to trade (positive buys, negative sells). A symbol held but no longer targeted has a target of zero.
/// </summary>
public sealed record TargetRow(string Symbol, decimal TargetWeight, decimal? CurrentWeight, decimal? DeltaValue);
