namespace Alchemiser.Alpaca.TestServer.Http;

/// <summary>An endpoint's refusal, answered with <see cref="StatusCode"/> and Alpaca's error body <c>{"code":...,"message":...}</c>.</summary>
internal sealed class AlpacaErrorResponse(int statusCode, int code, string message) : Exception(message)
{
    /// <summary>Alpaca's code for a malformed request body (400).</summary>
    public const int MalformedBodyCode = 40010000;

    /// <summary>Alpaca's code for a request that fails validation (422, and 400 on the data API).</summary>
    public const int ValidationCode = 40010001;

    /// <summary>Alpaca's code for a request the order's state does not allow (422).</summary>
    public const int OrderStateCode = 42210000;

    /// <summary>Alpaca's code for a request without valid API keys (401).</summary>
    public const int UnauthorizedCode = 40110000;

    /// <summary>The code of a 429 answer.</summary>
    public const int RateLimitCode = 42910000;

    /// <summary>Alpaca's code for something that does not exist (404).</summary>
    public const int NotFoundCode = 40410000;

    public int StatusCode { get; } = statusCode;

    public int Code { get; } = code;

    /// <summary>422 with <see cref="ValidationCode"/>.</summary>
    public static AlpacaErrorResponse Unprocessable(string message) => new(422, ValidationCode, message);

    /// <summary>400 with <see cref="ValidationCode"/> (the data and calendar endpoints' invalid parameters).</summary>
    public static AlpacaErrorResponse BadRequest(string message) => new(400, ValidationCode, message);

    /// <summary>404 with <see cref="NotFoundCode"/>.</summary>
    public static AlpacaErrorResponse NotFound(string message) => new(404, NotFoundCode, message);

    /// <summary>Alpaca's answer for an order id or client order id it does not know.</summary>
    public static AlpacaErrorResponse OrderNotFound() => NotFound("order not found");
}
