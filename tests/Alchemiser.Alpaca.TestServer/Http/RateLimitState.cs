namespace Alchemiser.Alpaca.TestServer.Http;

/// <summary>What the rate-limit headers of one response say.</summary>
/// <param name="Limit">Requests allowed per rolling minute.</param>
/// <param name="Remaining">Requests still allowed now.</param>
/// <param name="Reset">When the remaining count next goes up.</param>
internal readonly record struct RateLimitState(int Limit, int Remaining, DateTimeOffset Reset)
{
    public const string LimitHeader = "X-Ratelimit-Limit";
    public const string RemainingHeader = "X-Ratelimit-Remaining";
    public const string ResetHeader = "X-Ratelimit-Reset";

    /// <summary><see cref="Reset"/> in Unix seconds, rounded up so a client that waits for it is never early.</summary>
    public long ResetUnixSeconds
    {
        get
        {
            var seconds = Reset.ToUnixTimeSeconds();
            return Reset > DateTimeOffset.FromUnixTimeSeconds(seconds) ? seconds + 1 : seconds;
        }
    }
}
