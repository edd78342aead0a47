using Alchemiser.Core.Time;

namespace Alchemiser.Alpaca.Http;

/// <summary>
/// A <see cref="TimeProvider"/> whose time is an <see cref="IClock"/> and whose timers wait through an
/// <see cref="IDelay"/>, so Polly's retry delays follow the injected clock (a simulated clock in tests advances instead
/// of sleeping). Timers fire once; periods are not supported (Polly's delays do not use them).
/// </summary>
internal sealed class DelayTimeProvider(IClock clock, IDelay delay) : TimeProvider
{
    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => clock.UtcNow;

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new OneShotTimer(delay, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Calls back once, <c>dueTime</c> after the last <see cref="Change"/>, unless changed or disposed first.</summary>
    private sealed class OneShotTimer(IDelay delay, TimerCallback callback, object? state) : ITimer
    {
        private readonly Lock _gate = new();
        private CancellationTokenSource? _pending;
        private bool _disposed;

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            CancellationTokenSource? previous;
            CancellationTokenSource? next = null;
            lock (_gate)
            {
                if (_disposed)
                {
                    return false;
                }

                previous = _pending;
                if (dueTime != Timeout.InfiniteTimeSpan)
                {
                    next = new CancellationTokenSource();
                }

                _pending = next;
            }

            Cancel(previous);
            if (next is not null)
            {
                _ = FireAsync(dueTime < TimeSpan.Zero ? TimeSpan.Zero : dueTime, next);
            }

            return true;
        }

        public void Dispose()
        {
            CancellationTokenSource? pending;
            lock (_gate)
            {
                _disposed = true;
                pending = _pending;
                _pending = null;
            }

            Cancel(pending);
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }

        private async Task FireAsync(TimeSpan dueTime, CancellationTokenSource source)
        {
            try
            {
                await delay.DelayAsync(dueTime, source.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            lock (_gate)
            {
                if (!ReferenceEquals(_pending, source))
                {
                    return;
                }

                _pending = null;
            }

            source.Dispose();
            callback(state);
        }

        private static void Cancel(CancellationTokenSource? source)
        {
            if (source is null)
            {
                return;
            }

            source.Cancel();
            source.Dispose();
        }
    }
}
