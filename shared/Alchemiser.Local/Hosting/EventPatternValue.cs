namespace Alchemiser.Local.Hosting;

/// <summary>How one value of an EventBridge event-pattern array compares with the event's field.</summary>
public enum EventPatternMatch
{
    /// <summary>The field equals the value (ordinal, case-sensitive), e.g. <c>"source": ["alchemiser.portfolio"]</c>.</summary>
    Exact,

    /// <summary>The field starts with the value (ordinal, case-sensitive), e.g. <c>"source": [{"prefix": "alchemiser."}]</c>.</summary>
    Prefix,
}

/// <summary>
/// One element of an event-pattern array: an exact string or a <c>{"prefix": ...}</c> filter. The elements of one array
/// are alternatives (any may match), as in EventBridge.
/// </summary>
public readonly record struct EventPatternValue(EventPatternMatch Match, string Value)
{
    /// <summary>A value that matches only <paramref name="value"/> itself.</summary>
    public static EventPatternValue Exact(string value) => new(EventPatternMatch.Exact, value);

    /// <summary>A value that matches every string starting with <paramref name="prefix"/>.</summary>
    public static EventPatternValue Prefix(string prefix) => new(EventPatternMatch.Prefix, prefix);

    /// <summary>Whether <paramref name="field"/> (the event's <c>source</c> or <c>detail-type</c>) satisfies this value.</summary>
    public bool Matches(string field) => Match switch
    {
        EventPatternMatch.Exact => string.Equals(field, Value, StringComparison.Ordinal),
        EventPatternMatch.Prefix => field.StartsWith(Value, StringComparison.Ordinal),
        _ => false,
    };

    /// <summary>The value as it is written in a pattern: <c>x</c> or <c>{prefix: x}</c>.</summary>
    public override string ToString() => Match == EventPatternMatch.Prefix ? "{prefix: " + Value + "}" : Value;
}
