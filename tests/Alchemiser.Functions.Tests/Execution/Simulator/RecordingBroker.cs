using Alchemiser.Core.Brokerage;
using Alchemiser.Core.MarketData;
using Alchemiser.Core.Time;

namespace Alchemiser.Functions.Tests.Execution.Simulator;

/// <summary>One submit, replace or cancel execution asked the broker for: when, of which client order id, and the refusal if it was refused.</summary>
public sealed record OrderCall(DateTimeOffset At, string Kind, string ClientOrderId, RejectionReason? Refusal);

/// <summary>
/// The paper broker as execution sees it: every call goes straight through; each submit, replace and cancel is written
/// down (a refused one too, which leaves no trace in the paper broker), so a test can tell that a delivery placed nothing.
/// </summary>
public sealed class RecordingBroker(IBroker inner, IClock clock) : IBroker
{
    private readonly List<OrderCall> _calls = [];

    /// <summary>Every submit, replace and cancel asked for, in order.</summary>
    public IReadOnlyList<OrderCall> Calls => _calls;

    public Task<BrokerOrder> SubmitOrderAsync(OrderRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return RecordAsync("submit", request.ClientOrderId, () => inner.SubmitOrderAsync(request, cancellationToken));
    }

    public Task<BrokerOrder> ReplaceOrderAsync(string orderId, OrderReplacement replacement, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(replacement);
        return RecordAsync("replace", replacement.ClientOrderId, () => inner.ReplaceOrderAsync(orderId, replacement, cancellationToken));
    }

    public async Task CancelOrderAsync(string orderId, CancellationToken cancellationToken = default)
    {
        var order = await inner.GetOrderAsync(orderId, cancellationToken);
        await RecordAsync("cancel", order.ClientOrderId, async () =>
        {
            await inner.CancelOrderAsync(orderId, cancellationToken);
            return order;
        });
    }

    public Task<BrokerAccount> GetAccountAsync(CancellationToken cancellationToken = default) => inner.GetAccountAsync(cancellationToken);

    public Task<IReadOnlyList<BrokerPosition>> GetPositionsAsync(CancellationToken cancellationToken = default) => inner.GetPositionsAsync(cancellationToken);

    public Task<IReadOnlyDictionary<string, Quote>> GetLatestQuotesAsync(IReadOnlyCollection<string> symbols, CancellationToken cancellationToken = default) =>
        inner.GetLatestQuotesAsync(symbols, cancellationToken);

    public Task<IReadOnlyDictionary<string, LatestPrice>> GetLatestPricesAsync(IReadOnlyCollection<string> symbols, CancellationToken cancellationToken = default) =>
        inner.GetLatestPricesAsync(symbols, cancellationToken);

    public Task<AssetInfo?> GetAssetAsync(string symbol, CancellationToken cancellationToken = default) => inner.GetAssetAsync(symbol, cancellationToken);

    public Task<BrokerOrder> GetOrderAsync(string orderId, CancellationToken cancellationToken = default) => inner.GetOrderAsync(orderId, cancellationToken);

    public Task<BrokerOrder?> GetOrderByClientIdAsync(string clientOrderId, CancellationToken cancellationToken = default) =>
        inner.GetOrderByClientIdAsync(clientOrderId, cancellationToken);

    public Task<MarketClock> GetClockAsync(CancellationToken cancellationToken = default) => inner.GetClockAsync(cancellationToken);

    public Task<IReadOnlyList<MarketSession>> GetCalendarAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken = default) =>
        inner.GetCalendarAsync(from, to, cancellationToken);

    private async Task<BrokerOrder> RecordAsync(string kind, string clientOrderId, Func<Task<BrokerOrder>> call)
    {
        var at = clock.UtcNow;
        try
        {
            var order = await call();
            _calls.Add(new OrderCall(at, kind, clientOrderId, null));
            return order;
        }
        catch (OrderRejectedException refused)
        {
            _calls.Add(new OrderCall(at, kind, clientOrderId, refused.Reason));
            throw;
        }
    }
}
