using System.Globalization;
using System.Net.Http.Headers;
using Alchemiser.Core.Time;

namespace Alchemiser.Alpaca;

/// <summary>
/// Alpaca's request quota as one shared budget: at most <see cref="RequestsPerMinute"/> requests are let through in any
/// rolling minute, and when a response says the account's quota is used up (<c>X-Ratelimit-Remaining: 0</c>) nothing
/// more goes out until its <c>X-Ratelimit-Reset</c> (unix seconds). Every attempt of every call takes a turn, retries
/// included. One budget per client by default; pass the same instance to several clients of one account so that they
/// share it. Thread-safe. Time comes from an <see cref="IClock"/> and waiting goes through an <see cref="IDelay"/>,
/// so tests can run a storm of requests without sleeping.
/// </summary>
public sealed class AlpacaRequestBudget
{
    /// <summary>The rolling window the budget counts in.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly IClock _clock;
    private readonly IDelay _delay;
    private readonly Lock _gate = new();
    private readonly Queue<DateTimeOffset> _sentAt = new();
    private DateTimeOffset _blockedUntil = DateTimeOffset.MinValue;
    private long _sent;

    /// <summary>A budget of <paramref name="requestsPerMinute"/> requests in any rolling minute.</summary>
    /// <param name="clock">Now; the system clock when null.</param>
    /// <param name="delay">How to wait; the system timer when null.</param>
    public AlpacaRequestBudget(int requestsPerMinute, IClock? clock = null, IDelay? delay = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(requestsPerMinute, 1);
        RequestsPerMinute = requestsPerMinute;
        _clock = clock ?? SystemClock.Instance;
        _delay = delay ?? SystemDelay.Instance;
    }

    /// <summary>The most requests let through in any rolling minute.</summary>
    public int RequestsPerMinute { get; }

    /// <summary>How many requests the budget has let through so far (for tests and progress lines).</summary>
    public long RequestsSent => Interlocked.Read(ref _sent);

    /// <summary>Until when Alpaca said the quota is used up; <see cref="DateTimeOffset.MinValue"/> when it has not.</summary>
    public DateTimeOffset BlockedUntil
    {
        get
        {
            lock (_gate)
            {
                return _blockedUntil;
            }
        }
    }

    /// <summary>Waits for a turn and takes it: call once right before each request goes out.</summary>
    public async Task AcquireAsync(CancellationToken cancellationToken = default)
    {
        while (true)
        {
            TimeSpan wait;
            lock (_gate)
            {
                var now = _clock.UtcNow;
                while (_sentAt.Count > 0 && _sentAt.Peek() + Window <= now)
                {
                    _sentAt.Dequeue();
                }

                if (_blockedUntil > now)
                {
                    wait = _blockedUntil - now;
                }
                else if (_sentAt.Count >= RequestsPerMinute)
                {
                    wait = _sentAt.Peek() + Window - now;
                }
                else
                {
                    _sentAt.Enqueue(now);
                    _sent++;
                    return;
                }
            }

            await _delay.DelayAsync(wait, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Takes note of a response's rate-limit headers: when <c>X-Ratelimit-Remaining</c> is 0, no request goes out
    /// before <c>X-Ratelimit-Reset</c> (at most one <see cref="Window"/> from now, whatever the server's clock says).
    /// Returns the reset instant when the headers carry one.
    /// </summary>
    public DateTimeOffset? Observe(HttpResponseHeaders headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var remaining = IntegerHeader(headers, "X-Ratelimit-Remaining");
        var reset = IntegerHeader(headers, "X-Ratelimit-Reset") is { } seconds && seconds is > 0 and < 253402300800L
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : (DateTimeOffset?)null;
        Observe(remaining, reset);
        return reset;
    }

    /// <summary>Takes note of the quota Alpaca reported: <paramref name="remaining"/> requests until <paramref name="resetAt"/>.</summary>
    public void Observe(long? remaining, DateTimeOffset? resetAt)
    {
        if (remaining is not <= 0 || resetAt is not { } reset)
        {
            return;
        }

        lock (_gate)
        {
            var now = _clock.UtcNow;
            var until = reset > now + Window ? now + Window : reset;
            if (until > _blockedUntil)
            {
                _blockedUntil = until;
            }
        }
    }

    private static long? IntegerHeader(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values)
        && long.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
}
