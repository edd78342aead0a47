using Alchemiser.Core.Time;
using Alchemiser.Functions.Tests.Support;

namespace Alchemiser.Functions.Tests.Execution.Support;

/// <summary>Waits on the fake clock, but the wait number <paramref name="crashOnWait"/> (1-based) throws: the process dies mid-walk.</summary>
public sealed class CrashingDelay(FakeClock clock, int crashOnWait) : IDelay
{
    private int _waits;

    public async Task DelayAsync(TimeSpan duration, CancellationToken cancellationToken = default)
    {
        if (++_waits == crashOnWait)
        {
            throw new InvalidOperationException("the process died while waiting");
        }

        await clock.DelayAsync(duration, cancellationToken);
    }
}
