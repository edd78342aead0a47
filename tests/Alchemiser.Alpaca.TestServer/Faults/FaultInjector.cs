namespace Alchemiser.Alpaca.TestServer.Faults;

/// <summary>
/// The server's queue of <see cref="FaultRule"/>s. Every rule a request matches counts it; a request gets the delays
/// of every rule due on it, then the first due rule (in the order enqueued) that is not a delay decides its outcome.
/// A rule leaves the queue once applied <see cref="FaultRule.Times"/> times. Thread-safe.
/// </summary>
public sealed class FaultInjector
{
    private readonly Lock _gate = new();
    private readonly List<ArmedRule> _rules = [];

    /// <summary>Rules still waiting to apply (fully or in part).</summary>
    public int Pending
    {
        get
        {
            lock (_gate)
            {
                return _rules.Count;
            }
        }
    }

    /// <summary>Arms <paramref name="rule"/>; it counts matching requests from now on.</summary>
    public void Enqueue(FaultRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentOutOfRangeException.ThrowIfLessThan(rule.OnMatch, 1, nameof(rule));
        ArgumentOutOfRangeException.ThrowIfLessThan(rule.Times, 1, nameof(rule));
        lock (_gate)
        {
            _rules.Add(new ArmedRule(rule));
        }
    }

    /// <summary>Forgets every rule.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _rules.Clear();
        }
    }

    /// <summary>Counts the request against every matching rule and says which faults apply to it.</summary>
    internal FaultPlan Match(string method, string path)
    {
        var delays = new List<DelayFault>();
        Fault? outcome = null;
        lock (_gate)
        {
            foreach (var armed in _rules)
            {
                if (!string.Equals(armed.Rule.Method, method, StringComparison.OrdinalIgnoreCase) || !armed.Rule.Pattern.Matches(path))
                {
                    continue;
                }

                armed.Seen++;
                if (armed.Seen < armed.Rule.OnMatch)
                {
                    continue;
                }

                if (armed.Rule.Fault is DelayFault delay)
                {
                    delays.Add(delay);
                    armed.Applied++;
                }
                else if (outcome is null)
                {
                    outcome = armed.Rule.Fault;
                    armed.Applied++;
                }
            }

            _rules.RemoveAll(armed => armed.Applied >= armed.Rule.Times);
        }

        return new FaultPlan(delays, outcome);
    }

    private sealed class ArmedRule(FaultRule rule)
    {
        public FaultRule Rule { get; } = rule;

        public int Seen { get; set; }

        public int Applied { get; set; }
    }
}
