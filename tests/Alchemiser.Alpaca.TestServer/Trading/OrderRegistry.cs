using Alchemiser.Core.Brokerage;

namespace Alchemiser.Alpaca.TestServer.Trading;

/// <summary>
/// The orders the server has seen (placed or replaced through it, or read by id or client order id), in the order it
/// first saw them. The broker port cannot list orders or cancel them all, so GET and DELETE /v2/orders work on these;
/// an order placed on the broker directly appears once a request has read it. Final orders are not read again.
/// Thread-safe.
/// </summary>
internal sealed class OrderRegistry
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, TrackedOrder> _orders = new(StringComparer.Ordinal);
    private long _sequence;

    /// <summary>Remembers <paramref name="order"/> as it is now; the notional and the replaced order are kept from the first time they are given.</summary>
    public TrackedOrder Track(BrokerOrder order, decimal? notional = null, string? replacesBrokerOrderId = null)
    {
        ArgumentNullException.ThrowIfNull(order);
        lock (_gate)
        {
            var tracked = _orders.TryGetValue(order.Id, out var known)
                ? known with
                {
                    Latest = order,
                    Notional = known.Notional ?? notional,
                    ReplacesBrokerOrderId = known.ReplacesBrokerOrderId ?? replacesBrokerOrderId,
                }
                : new TrackedOrder(++_sequence, order, notional, replacesBrokerOrderId);
            _orders[order.Id] = tracked;
            return tracked;
        }
    }

    /// <summary>Every order seen, each as the broker has it now (open ones are read again), in the order first seen.</summary>
    public async Task<IReadOnlyList<TrackedOrder>> CurrentAsync(IBroker broker, CancellationToken cancellationToken)
    {
        TrackedOrder[] known;
        lock (_gate)
        {
            known = _orders.Values.OrderBy(o => o.Sequence).ToArray();
        }

        var current = new List<TrackedOrder>(known.Length);
        foreach (var order in known)
        {
            current.Add(order.Latest.IsOpen ? Track(await broker.GetOrderAsync(order.Latest.Id, cancellationToken)) : order);
        }

        return current;
    }
}
