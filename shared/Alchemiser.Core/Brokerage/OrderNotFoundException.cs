using Alchemiser.Core.Errors;

namespace Alchemiser.Core.Brokerage;

/// <summary>The broker has no order with the id asked for.</summary>
/// <param name="inner">The broker's own answer (e.g. an HTTP 404 with its message), when there is one.</param>
public sealed class OrderNotFoundException(string orderId, Exception? inner = null)
    : AlchemiserException(ErrorCategory.Trading, $"the broker has no order '{orderId}'", "check that the order id came from this account", inner)
{
    public string OrderId { get; } = orderId;
}
