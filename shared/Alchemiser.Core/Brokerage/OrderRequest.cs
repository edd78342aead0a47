namespace Alchemiser.Core.Brokerage;

/// <summary>A day order to place. <see cref="LimitPrice"/> is set exactly when <see cref="Type"/> is <see cref="OrderType.Limit"/>.</summary>
/// <param name="ClientOrderId">The caller's deterministic id; the broker refuses a second order with the same one.</param>
/// <param name="Quantity">Shares, &gt; 0; fractional only for fractionable assets.</param>
public sealed record OrderRequest(string ClientOrderId, string Symbol, OrderSide Side, decimal Quantity, OrderType Type, decimal? LimitPrice)
{
    /// <summary>A limit day order.</summary>
    public static OrderRequest Limit(string clientOrderId, string symbol, OrderSide side, decimal quantity, decimal limitPrice) =>
        new(clientOrderId, symbol, side, quantity, OrderType.Limit, limitPrice);

    /// <summary>A market day order.</summary>
    public static OrderRequest Market(string clientOrderId, string symbol, OrderSide side, decimal quantity) =>
        new(clientOrderId, symbol, side, quantity, OrderType.Market, null);
}
