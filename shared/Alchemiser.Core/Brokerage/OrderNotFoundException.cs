using Alchemiser.Core.Errors;

namespace Alchemiser.Core.Brokerage;

/// <summary>The broker has no order with the id asked for.</summary>
public sealed class OrderNotFoundException(string orderId)
    : AlchemiserException(ErrorCategory.Trading, $"the broker has no order '{orderId}'", "check that the order id came from this account")
{
    public string OrderId { get; } = orderId;
}
