using System.Globalization;
using Alchemiser.Core.Brokerage;
using Alchemiser.Core.Errors;

namespace Alchemiser.Execution;

/// <summary>
/// An order that had to become final (a market order, or a cancelled limit order) was still open when the wait for it
/// ran out. The delivery fails so the queue redelivers it; the next delivery resumes from the broker's orders.
/// </summary>
public sealed class OrderNotFinalException(BrokerOrder order, TimeSpan waited)
    : AlchemiserException(
        ErrorCategory.Trading,
        string.Create(
            CultureInfo.InvariantCulture,
            $"order {order.Id} ({order.ClientOrderId}, {order.Symbol}) was still {order.Status} after {waited.TotalSeconds:0.###} s"),
        "the broker is slow or the symbol is halted; the message is redelivered and execution resumes from the broker's orders")
{
    public BrokerOrder Order { get; } = order;
}
