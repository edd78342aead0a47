using System.Diagnostics;

namespace Alchemiser.Lambda.ColdStart;

/// <summary>The intervals in which an emulated service was working on a request (Stopwatch timestamps), thread-safe.</summary>
public sealed class UpstreamIntervals
{
    private readonly Lock _gate = new();
    private readonly List<(long Start, long End)> _intervals = [];

    public void Add(long start, long end)
    {
        lock (_gate)
        {
            _intervals.Add((start, end));
        }
    }

    /// <summary>How long, between <paramref name="from"/> and <paramref name="to"/>, at least one request was with a service.</summary>
    public TimeSpan Busy(long from, long to)
    {
        List<(long Start, long End)> clipped;
        lock (_gate)
        {
            clipped = _intervals
                .Select(i => (Start: Math.Max(i.Start, from), End: Math.Min(i.End, to)))
                .Where(i => i.End > i.Start)
                .OrderBy(i => i.Start)
                .ToList();
        }

        long busy = 0, coveredUntil = long.MinValue;
        foreach (var (start, end) in clipped)
        {
            var effectiveStart = Math.Max(start, coveredUntil);
            if (end > effectiveStart)
            {
                busy += end - effectiveStart;
                coveredUntil = end;
            }
        }

        return Stopwatch.GetElapsedTime(0, busy);
    }
}
