namespace Alchemiser.Alpaca;

/// <summary>
/// Alpaca error codes (the <c>code</c> of an error body) the client reacts to. A refused order carries its code in
/// <see cref="Core.Brokerage.OrderRejectedException.BrokerCode"/>.
/// </summary>
public static class AlpacaErrorCodes
{
    /// <summary>
    /// HTTP 403: the account cannot pay for the buy, or (same code) does not hold the shares a sell offers.
    /// </summary>
    public const int InsufficientBuyingPowerOrQuantity = 40310000;

    /// <summary>
    /// HTTP 403: pattern-day-trading protection refused the order (a flagged account under $25,000 equity, or a fourth
    /// day trade in five trading days). Retrying today does not help.
    /// </summary>
    public const int PatternDayTradingProtection = 40310100;

    /// <summary>HTTP 422 (or 400): a request field is missing or wrong, e.g. a client order id used before.</summary>
    public const int InvalidRequest = 40010001;

    /// <summary>HTTP 401: the key id or secret key was refused.</summary>
    public const int Unauthorized = 40110000;

    /// <summary>HTTP 404: no such order, asset or resource.</summary>
    public const int NotFound = 40410000;
}
