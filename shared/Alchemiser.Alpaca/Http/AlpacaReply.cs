namespace Alchemiser.Alpaca.Http;

/// <summary>Alpaca's answer to one attempt: the status, the body, and when the request quota refills if it said so.</summary>
internal sealed record AlpacaReply(int StatusCode, string Body, DateTimeOffset? RateLimitResetAt)
{
    /// <summary>A 2xx answer.</summary>
    public bool IsSuccess => StatusCode is >= 200 and < 300;

    /// <summary>An answer worth another attempt for a read: rate limited (429) or a server failure (5xx).</summary>
    public bool IsTransient => StatusCode is 429 or >= 500;
}
