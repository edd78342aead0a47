namespace Alchemiser.Portfolio.Planning;

/// <summary>The account at planning time: equity, cash, buying power and long positions.</summary>
/// <param name="Equity">Total account equity, ≥ 0; the base of the deployable capital.</param>
/// <param name="Cash">Settled and unsettled cash.</param>
/// <param name="BuyingPower">What the broker lets the account spend now; buys are funded from it plus the proceeds of the plan's sells.</param>
/// <param name="Positions">Long positions, one per symbol.</param>
public sealed record AccountSnapshot(decimal Equity, decimal Cash, decimal BuyingPower, IReadOnlyList<HeldPosition> Positions);
