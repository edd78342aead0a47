namespace Alchemiser.Core.Brokerage;

/// <summary>The account's money now: equity (cash + positions at market), cash, and what it may spend on new buys.</summary>
/// <param name="BuyingPower">Cash less what open buy orders reserve (no margin in a cash account).</param>
public sealed record BrokerAccount(string AccountId, decimal Equity, decimal Cash, decimal BuyingPower);
