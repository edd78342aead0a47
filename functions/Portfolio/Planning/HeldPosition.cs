namespace Alchemiser.Portfolio.Planning;

/// <summary>One long position of the account as the broker reports it.</summary>
/// <param name="Symbol">The ticker.</param>
/// <param name="Quantity">Shares held, &gt; 0; may be fractional.</param>
/// <param name="CurrentPrice">The broker's current price, &gt; 0; used to size a sell when no quote is supplied.</param>
/// <param name="MarketValue">The broker's market value of the position, ≥ 0; the planner's "current value".</param>
public sealed record HeldPosition(string Symbol, decimal Quantity, decimal CurrentPrice, decimal MarketValue);
