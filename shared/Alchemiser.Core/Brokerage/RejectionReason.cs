namespace Alchemiser.Core.Brokerage;

/// <summary>Why a broker refused an order.</summary>
public enum RejectionReason
{
    /// <summary>The account cannot pay for the buy (or does not hold the shares to sell).</summary>
    InsufficientBuyingPower,

    /// <summary>A fractional quantity of an asset that trades in whole shares only.</summary>
    NotFractionable,

    /// <summary>The market is closed.</summary>
    MarketClosed,

    /// <summary>The broker does not know or does not trade the symbol.</summary>
    UnknownAsset,

    /// <summary>The client order id was used before.</summary>
    DuplicateClientOrderId,

    /// <summary>The order is malformed, or no longer open for a replace.</summary>
    Invalid,
}
