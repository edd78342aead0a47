using Alchemiser.Core.Brokerage;

namespace Alchemiser.Alpaca.TestServer.Trading;

/// <summary>A POST /v2/orders body that passed validation: a simple day order by quantity or, for a market order, by notional.</summary>
/// <param name="Quantity">Shares; null exactly when <paramref name="Notional"/> is set.</param>
/// <param name="Notional">Dollars to trade (market orders only).</param>
/// <param name="ClientOrderId">The caller's id; null to have one generated.</param>
internal sealed record OrderForm(string Symbol, OrderSide Side, OrderType Type, decimal? Quantity, decimal? Notional, decimal? LimitPrice, string? ClientOrderId);
