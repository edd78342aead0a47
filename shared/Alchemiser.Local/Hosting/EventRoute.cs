namespace Alchemiser.Local.Hosting;

/// <summary>
/// One target of one EventBridge rule in <c>template.yaml</c>: which events it takes (<see cref="Sources"/> and
/// <see cref="DetailTypes"/>; an empty list means the pattern does not constrain that field) and which function
/// consumes them. <see cref="Consumer"/> is always the logical id of a function; when the rule targets an SQS queue,
/// <see cref="Queue"/> names the queue and <see cref="Consumer"/> the function its event-source mapping feeds.
/// </summary>
public sealed record EventRoute(
    string RuleName,
    IReadOnlyList<EventPatternValue> Sources,
    IReadOnlyList<EventPatternValue> DetailTypes,
    string Consumer,
    string? Queue = null)
{
    /// <summary>Whether an event with this EventBridge <c>source</c> and <c>detail-type</c> is delivered along this route.</summary>
    public bool Matches(string source, string detailType) => AnyMatches(Sources, source) && AnyMatches(DetailTypes, detailType);

    /// <summary>The route in one line, e.g. <c>SignalGeneratedRule: source [alchemiser.signal_aggregator], detail-type [SignalGenerated] -> Portfolio</c>.</summary>
    public override string ToString() =>
        $"{RuleName}: source {Describe(Sources)}, detail-type {Describe(DetailTypes)} -> "
        + (Queue is null ? Consumer : $"{Queue} -> {Consumer}");

    private static bool AnyMatches(IReadOnlyList<EventPatternValue> values, string field)
    {
        if (values.Count == 0)
        {
            return true;
        }

        foreach (var value in values)
        {
            if (value.Matches(field))
            {
                return true;
            }
        }

        return false;
    }

    private static string Describe(IReadOnlyList<EventPatternValue> values) =>
        values.Count == 0 ? "(any)" : "[" + string.Join(", ", values) + "]";
}
