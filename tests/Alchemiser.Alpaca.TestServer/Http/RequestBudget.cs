namespace Alchemiser.Alpaca.TestServer.Http;

/// <summary>
/// The server's rate limit: at most <c>limit</c> admitted requests in any rolling <c>window</c> (a sliding log of the
/// admitted requests' arrival times on the server's clock). Refused requests do not count. Thread-safe.
/// </summary>
internal sealed class RequestBudget
{
    private readonly Lock _gate = new();
    private readonly Queue<DateTimeOffset> _admitted = new();
    private readonly int _limit;
    private readonly TimeSpan _window;

    public RequestBudget(int limit, TimeSpan window)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        _limit = limit;
        _window = window;
    }

    /// <summary>Admits a request arriving at <paramref name="now"/> when the window has room; returns whether it did and the headers to send.</summary>
    public (bool Admitted, RateLimitState State) TryAdmit(DateTimeOffset now)
    {
        lock (_gate)
        {
            Expire(now);
            var admitted = _admitted.Count < _limit;
            if (admitted)
            {
                _admitted.Enqueue(now);
            }

            return (admitted, StateAt(now));
        }
    }

    /// <summary>The headers for a response that does not count (an unauthorized request).</summary>
    public RateLimitState Peek(DateTimeOffset now)
    {
        lock (_gate)
        {
            Expire(now);
            return StateAt(now);
        }
    }

    private void Expire(DateTimeOffset now)
    {
        while (_admitted.Count > 0 && now - _admitted.Peek() >= _window)
        {
            _admitted.Dequeue();
        }
    }

    private RateLimitState StateAt(DateTimeOffset now) =>
        new(_limit, _limit - _admitted.Count, _admitted.Count > 0 ? _admitted.Peek() + _window : now);
}
