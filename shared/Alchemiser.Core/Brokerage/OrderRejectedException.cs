using Alchemiser.Core.Errors;

namespace Alchemiser.Core.Brokerage;

/// <summary>The broker refused an order; <see cref="Reason"/> says why and the message keeps the broker's words.</summary>
/// <param name="brokerCode">The broker's own error code (Alpaca's <c>code</c>, e.g. <c>40310000</c>), when it gave one.</param>
/// <param name="brokerMessage">The broker's own message, verbatim, when it gave one.</param>
public sealed class OrderRejectedException(
    RejectionReason reason, string message, string? remediationHint = null, Exception? inner = null, string? brokerCode = null, string? brokerMessage = null)
    : AlchemiserException(ErrorCategory.Trading, message, remediationHint, inner)
{
    public RejectionReason Reason { get; } = reason;

    /// <summary>
    /// The broker's own error code, when it gave one. It tells apart refusals that share a <see cref="Reason"/>, e.g.
    /// Alpaca's pattern-day-trading protection (<c>40310100</c>) from a malformed order.
    /// </summary>
    public string? BrokerCode { get; } = brokerCode;

    /// <summary>The broker's own message, verbatim, when it gave one (the exception's message quotes it too).</summary>
    public string? BrokerMessage { get; } = brokerMessage;
}
