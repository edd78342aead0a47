using Alchemiser.Core.MarketData;

namespace Alchemiser.Core.Brokerage;

/// <summary>
/// Port: the brokerage account the workflow trades (the paper-broker simulator locally, Alpaca when deployed). It is
/// also a <see cref="IQuoteSource"/>: <see cref="IQuoteSource.GetLatestPricesAsync"/> returns the latest trades.
/// </summary>
/// <remarks>
/// All orders are day orders. Rejections throw <see cref="OrderRejectedException"/>; an order id the broker does not
/// know throws <see cref="OrderNotFoundException"/>. Implementations never retry an order submission blindly: a caller
/// that does not know whether a submission reached the broker looks it up with <see cref="GetOrderByClientIdAsync"/>.
/// </remarks>
public interface IBroker : IQuoteSource
{
    /// <summary>Equity, cash and buying power now.</summary>
    Task<BrokerAccount> GetAccountAsync(CancellationToken cancellationToken = default);

    /// <summary>Every open position, ordinal by symbol.</summary>
    Task<IReadOnlyList<BrokerPosition>> GetPositionsAsync(CancellationToken cancellationToken = default);

    /// <summary>The latest bid/ask of each symbol it knows; unknown symbols are left out.</summary>
    Task<IReadOnlyDictionary<string, Quote>> GetLatestQuotesAsync(IReadOnlyCollection<string> symbols, CancellationToken cancellationToken = default);

    /// <summary>What the broker says about a symbol; null when it does not know it.</summary>
    Task<AssetInfo?> GetAssetAsync(string symbol, CancellationToken cancellationToken = default);

    /// <summary>Places an order. Throws <see cref="OrderRejectedException"/> when the broker refuses it (buying power, fractions, market closed, a client order id already used).</summary>
    Task<BrokerOrder> SubmitOrderAsync(OrderRequest request, CancellationToken cancellationToken = default);

    /// <summary>The order as it is now.</summary>
    Task<BrokerOrder> GetOrderAsync(string orderId, CancellationToken cancellationToken = default);

    /// <summary>The order placed with <paramref name="clientOrderId"/>, whatever its state; null when there is none.</summary>
    Task<BrokerOrder?> GetOrderByClientIdAsync(string clientOrderId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces an open order with a new one (new id) for <paramref name="replacement"/>'s quantity and limit price;
    /// the old order ends <see cref="OrderStatus.Replaced"/> keeping what it filled. Throws
    /// <see cref="OrderRejectedException"/> when the order is no longer open.
    /// </summary>
    Task<BrokerOrder> ReplaceOrderAsync(string orderId, OrderReplacement replacement, CancellationToken cancellationToken = default);

    /// <summary>Asks for an open order to be cancelled; a terminal order is left as it is. Poll the order for the outcome.</summary>
    Task CancelOrderAsync(string orderId, CancellationToken cancellationToken = default);

    /// <summary>Whether the market is open now, and its next open and close.</summary>
    Task<MarketClock> GetClockAsync(CancellationToken cancellationToken = default);

    /// <summary>The trading sessions from <paramref name="from"/> to <paramref name="to"/>, both included (closed days are left out).</summary>
    Task<IReadOnlyList<MarketSession>> GetCalendarAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken = default);
}
