namespace Alchemiser.Core.Brokerage;

/// <summary>What a replacing limit order has: its own client order id, a quantity and a limit price.</summary>
public sealed record OrderReplacement(string ClientOrderId, decimal Quantity, decimal LimitPrice);
