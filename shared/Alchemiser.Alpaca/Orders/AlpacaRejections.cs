using System.Globalization;
using Alchemiser.Core.Brokerage;

namespace Alchemiser.Alpaca.Orders;

/// <summary>
/// Reads a refused order write (a 4xx answer to a submit or a replace) as an <see cref="OrderRejectedException"/> with
/// the port's <see cref="RejectionReason"/>, keeping Alpaca's code and message. Alpaca's codes decide first (403
/// <c>40310000</c>: buying power, or shares for a sell; 403 <c>40310100</c>: pattern-day-trading protection); then
/// Alpaca's words (a used client order id, fractions, market hours, an unknown or untradable asset); any other 400,
/// 403 with a code or 422 is <see cref="RejectionReason.Invalid"/>.
/// </summary>
internal static class AlpacaRejections
{
    /// <summary>
    /// The rejection <paramref name="error"/> stands for, or null when it is no verdict on the order (401, a 403
    /// without an Alpaca code — a refused key —, 404, 429, 5xx).
    /// </summary>
    /// <param name="what">The order in words, e.g. <c>order c-1 (buy 10 SPY)</c>.</param>
    public static OrderRejectedException? ToRejection(AlpacaApiException error, string what)
    {
        ArgumentNullException.ThrowIfNull(error);
        var message = error.AlpacaMessage;
        var code = error.AlpacaCode?.ToString(CultureInfo.InvariantCulture);
        var (reason, hint) = (error.StatusCode, error.AlpacaCode) switch
        {
            (403, AlpacaErrorCodes.PatternDayTradingProtection) => (RejectionReason.Invalid, PatternDayTradingHint),
            (403, AlpacaErrorCodes.InsufficientBuyingPowerOrQuantity) => (RejectionReason.InsufficientBuyingPower, BuyingPowerHint),
            (403, _) when Says(message, "pattern day") => (RejectionReason.Invalid, PatternDayTradingHint),
            (403, _) when Says(message, "insufficient") => (RejectionReason.InsufficientBuyingPower, BuyingPowerHint),
            (403, null) => ((RejectionReason?)null, (string?)null),
            (400 or 403 or 422, _) => ByWords(message),
            _ => (null, null),
        };

        if (reason is not { } known)
        {
            return null;
        }

        var text = known == RejectionReason.Invalid && (error.AlpacaCode == AlpacaErrorCodes.PatternDayTradingProtection || Says(message, "pattern day"))
            ? $"Alpaca refused {what} under pattern-day-trading protection: {message}"
            : $"Alpaca refused {what}: {message}";
        return new OrderRejectedException(known, text, hint, error, code, message);
    }

    private static (RejectionReason?, string?) ByWords(string message) => message switch
    {
        _ when (Says(message, "client_order_id") || Says(message, "client order id"))
            && (Says(message, "unique") || Says(message, "duplicate") || Says(message, "already")) =>
            (RejectionReason.DuplicateClientOrderId, "look the existing order up by its client order id instead of placing it again"),
        _ when Says(message, "fractional") || Says(message, "fractionable") =>
            (RejectionReason.NotFractionable, "round the quantity down to whole shares, or trade the asset in whole shares"),
        _ when Says(message, "market is closed") || Says(message, "market closed") || Says(message, "market hours") =>
            (RejectionReason.MarketClosed, "submit during regular market hours"),
        _ when Says(message, "could not find") || Says(message, "not found") || Says(message, "not tradable")
            || Says(message, "not active") || Says(message, "inactive") || Says(message, "unknown asset") || Says(message, "invalid symbol") =>
            (RejectionReason.UnknownAsset, "check the symbol; drop it from the plan if Alpaca does not trade it"),
        _ => (RejectionReason.Invalid, "fix the order's values against Alpaca's message; an order that is no longer open cannot be replaced"),
    };

    private static bool Says(string message, string words) => message.Contains(words, StringComparison.OrdinalIgnoreCase);

    private const string BuyingPowerHint =
        "buy less or wait for sells to settle; for a sell, offer no more than is held less what open sell orders offer";

    private const string PatternDayTradingHint =
        "the account is under pattern-day-trading protection (flagged, under $25,000 equity); retrying today will not help — keep equity above $25,000 or wait for the day-trade count to fall";
}
