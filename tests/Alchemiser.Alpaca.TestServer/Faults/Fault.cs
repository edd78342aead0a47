using System.Globalization;

namespace Alchemiser.Alpaca.TestServer.Faults;

/// <summary>
/// What the server does to a request a <see cref="FaultRule"/> matches instead of (or besides) serving it normally.
/// The factories give the faults Alpaca is known to produce, with Alpaca's status, code and message.
/// </summary>
public abstract record Fault
{
    private protected Fault()
    {
    }

    /// <summary>Alpaca's error code for a refused buy (or sell of shares not held).</summary>
    public const int InsufficientBuyingPowerCode = 40310000;

    /// <summary>Alpaca's error code for a trade refused by pattern-day-trader protection.</summary>
    public const int PatternDayTraderCode = 40310100;

    /// <summary>Alpaca's error code for a request it could not process (validation).</summary>
    public const int UnprocessableCode = 40010001;

    /// <summary>The error code the server uses for an internal error.</summary>
    public const int InternalErrorCode = 50010000;

    /// <summary>One line saying what the fault does, as the journal records it.</summary>
    public abstract string Description { get; }

    /// <summary>403 <c>{"code":40310000,"message":"insufficient buying power"}</c>; the request is not served.</summary>
    public static ErrorFault InsufficientBuyingPower() => new(403, InsufficientBuyingPowerCode, "insufficient buying power");

    /// <summary>403 <c>{"code":40310100,...}</c>, pattern-day-trader protection; the request is not served.</summary>
    public static ErrorFault PatternDayTrader() => new(403, PatternDayTraderCode, "trade denied due to pattern day trading protection");

    /// <summary>422 <c>{"code":40010001,"message":<paramref name="message"/>}</c>; the request is not served.</summary>
    public static ErrorFault Unprocessable(string message) => new(422, UnprocessableCode, message);

    /// <summary>500 <c>{"code":50010000,"message":"internal server error"}</c>; the request is not served.</summary>
    public static ErrorFault InternalServerError() => new(500, InternalErrorCode, "internal server error");

    /// <summary>Any error status with an Alpaca error body; the request is not served.</summary>
    public static ErrorFault Error(int statusCode, int code, string message) => new(statusCode, code, message);

    /// <summary>
    /// 429 with the rate-limit headers (remaining 0); the request is not served. The reset header says
    /// <paramref name="resetAfter"/> from now, or, when null, when the server's real budget next frees a request.
    /// </summary>
    public static TooManyRequestsFault TooManyRequests(TimeSpan? resetAfter = null) => new(resetAfter);

    /// <summary>Waits <paramref name="duration"/> (on the server's <see cref="AlpacaTestServerOptions.Delay"/>) before the request is served.</summary>
    public static DelayFault Delay(TimeSpan duration) => new(duration);

    /// <summary>Serves the request (an order is placed) but the client never gets the answer: it gets <paramref name="mode"/> instead.</summary>
    public static LostResponseFault LostResponse(LostResponseMode mode = LostResponseMode.GatewayTimeout) => new(mode);

    private protected static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
