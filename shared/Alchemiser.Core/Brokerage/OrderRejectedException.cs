using Alchemiser.Core.Errors;

namespace Alchemiser.Core.Brokerage;

/// <summary>The broker refused an order; <see cref="Reason"/> says why and the message keeps the broker's words.</summary>
public sealed class OrderRejectedException(RejectionReason reason, string message, string? remediationHint = null, Exception? inner = null)
    : AlchemiserException(ErrorCategory.Trading, message, remediationHint, inner)
{
    public RejectionReason Reason { get; } = reason;
}
