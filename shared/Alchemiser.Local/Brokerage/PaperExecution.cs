using Alchemiser.Core.Brokerage;

namespace Alchemiser.Local.Brokerage;

/// <summary>One fill of a paper order: how many shares traded, at what price, when.</summary>
public sealed record PaperExecution(string OrderId, string Symbol, OrderSide Side, decimal Quantity, decimal Price, DateTimeOffset ExecutedAt);
