using Alchemiser.Core.Brokerage;
namespace Alchemiser.Portfolio.Planning;

/// <summary>
/// A difference between target and current value that the plan deliberately does not trade (below the minimum trade
/// value, inside the drift band, less than one share, at the position limit). It is not an order; it is kept for the report.
/// </summary>
/// <param name="Symbol">The ticker.</param>
/// <param name="Side">The side the trade would have had.</param>
/// <param name="DeltaValue">Target value − current value, in dollars.</param>
/// <param name="Reason">Why it is not traded.</param>
public sealed record SkippedTrade(string Symbol, OrderSide Side, decimal DeltaValue, string Reason);
