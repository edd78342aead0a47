using System.Globalization;
using Alchemiser.Core.Errors;

namespace Alchemiser.Alpaca;

/// <summary>
/// An Alpaca call that failed for good (after any retries): the method and path, the HTTP status (0 when no response
/// came: a timeout or a network error), Alpaca's error <c>code</c> and <c>message</c>. Refused orders and unknown order
/// ids are not this exception but <see cref="Core.Brokerage.OrderRejectedException"/> and
/// <see cref="Core.Brokerage.OrderNotFoundException"/>. Never carries the key id, the secret key or any header.
/// </summary>
public sealed class AlpacaApiException : AlchemiserException
{
    /// <summary>A failure of <paramref name="method"/> <paramref name="path"/>.</summary>
    /// <param name="statusCode">The HTTP status; 0 when no response came.</param>
    /// <param name="alpacaCode">Alpaca's <c>code</c> (e.g. <c>40110000</c>), when the body had one.</param>
    /// <param name="alpacaMessage">Alpaca's <c>message</c>, or what went wrong when there was no answer.</param>
    /// <param name="category">Which part of the world is wrong; <see cref="ErrorCategory.Configuration"/> for a refused key.</param>
    /// <param name="isOutcomeUnknown">An order write that may or may not have taken effect (see <see cref="IsOutcomeUnknown"/>).</param>
    /// <param name="rateLimitResetAt">When Alpaca said the request quota refills (<c>X-Ratelimit-Reset</c>), if it did.</param>
    public AlpacaApiException(
        string method,
        string path,
        int statusCode,
        int? alpacaCode,
        string alpacaMessage,
        ErrorCategory category,
        string? remediationHint = null,
        Exception? inner = null,
        bool isOutcomeUnknown = false,
        DateTimeOffset? rateLimitResetAt = null)
        : base(category, Describe(method, path, statusCode, alpacaCode, alpacaMessage), remediationHint ?? HintFor(statusCode, isOutcomeUnknown), inner)
    {
        Method = method;
        Path = path;
        StatusCode = statusCode;
        AlpacaCode = alpacaCode;
        AlpacaMessage = alpacaMessage;
        IsOutcomeUnknown = isOutcomeUnknown;
        RateLimitResetAt = rateLimitResetAt;
    }

    /// <summary>The HTTP method, e.g. <c>GET</c>.</summary>
    public string Method { get; }

    /// <summary>The path without the query, e.g. <c>/v2/account</c>.</summary>
    public string Path { get; }

    /// <summary>The HTTP status; 0 when the call got no response.</summary>
    public int StatusCode { get; }

    /// <summary>Alpaca's error code, when the body had one.</summary>
    public int? AlpacaCode { get; }

    /// <summary>Alpaca's own message, or what went wrong when there was no answer.</summary>
    public string AlpacaMessage { get; }

    /// <summary>
    /// An order submission or replace whose outcome nobody knows: it may have reached Alpaca, and looking it up by
    /// client order id failed too. Do not submit it again before reading it by its client order id.
    /// </summary>
    public bool IsOutcomeUnknown { get; }

    /// <summary>When Alpaca said the request quota refills (<c>X-Ratelimit-Reset</c>), if it did.</summary>
    public DateTimeOffset? RateLimitResetAt { get; }

    /// <summary>Whether calling again may succeed: rate limiting, 5xx, timeouts and network errors.</summary>
    public bool IsTransient => StatusCode is 0 or 429 or >= 500;

    private static string Describe(string method, string path, int status, int? code, string message) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"Alpaca {method} {path} failed: {(status == 0 ? "no response" : $"HTTP {status}")}{(code is { } c ? $" ({c})" : "")}: {message}");

    private static string HintFor(int status, bool outcomeUnknown) => status switch
    {
        _ when outcomeUnknown => "read the order by its client order id before doing anything else; do not submit it again blindly",
        401 or 403 => "check the Alpaca key id and secret key, and that they belong to the configured paper or live account and data feed",
        404 => "check the symbol or id asked for",
        429 => "Alpaca is rate limiting this account; lower the request rate or wait a minute",
        0 or >= 500 => "Alpaca did not answer or failed; check https://status.alpaca.markets and the network path, then try again",
        _ => "check the request's values against Alpaca's message",
    };
}
