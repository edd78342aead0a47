using Alchemiser.Alpaca.TestServer.Http;

namespace Alchemiser.Alpaca.TestServer.Journal;

/// <summary>Every request the server has finished with, for assertions (counts, rates, bodies). Thread-safe.</summary>
public sealed class RequestJournal
{
    private readonly Lock _gate = new();
    private readonly List<JournalEntry> _entries = [];
    private long _sequence;

    /// <summary>The entries so far, in order of arrival. A request still being served is not among them yet.</summary>
    public IReadOnlyList<JournalEntry> Entries
    {
        get
        {
            lock (_gate)
            {
                return _entries.OrderBy(e => e.Sequence).ToArray();
            }
        }
    }

    /// <summary>The entries with <paramref name="method"/> whose path matches <paramref name="pathPattern"/> (as in <see cref="Faults.FaultRule"/>), in order of arrival.</summary>
    public IReadOnlyList<JournalEntry> Matching(string method, string pathPattern)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(method);
        var pattern = PathPattern.Parse(pathPattern);
        return Entries.Where(e => string.Equals(e.Method, method, StringComparison.OrdinalIgnoreCase) && pattern.Matches(e.Path)).ToArray();
    }

    /// <summary>How many entries <see cref="Matching"/> finds.</summary>
    public int Count(string method, string pathPattern) => Matching(method, pathPattern).Count;

    /// <summary>
    /// The most entries (of those <paramref name="predicate"/> keeps; all when null) received within any span of
    /// <paramref name="window"/> — e.g. the peak requests per rolling minute a client made.
    /// </summary>
    public int MostInAnyWindow(TimeSpan window, Func<JournalEntry, bool>? predicate = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        var times = Entries.Where(predicate ?? (_ => true)).Select(e => e.ReceivedAt).Order().ToArray();
        var most = 0;
        var first = 0;
        for (var last = 0; last < times.Length; last++)
        {
            while (times[last] - times[first] >= window)
            {
                first++;
            }

            most = Math.Max(most, last - first + 1);
        }

        return most;
    }

    /// <summary>Forgets every entry (sequence numbers keep counting).</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _entries.Clear();
        }
    }

    /// <summary>The sequence number of a request just received.</summary>
    internal long NextSequence() => Interlocked.Increment(ref _sequence);

    internal void Add(JournalEntry entry)
    {
        lock (_gate)
        {
            _entries.Add(entry);
        }
    }
}
