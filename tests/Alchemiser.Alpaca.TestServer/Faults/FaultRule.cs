namespace Alchemiser.Alpaca.TestServer.Faults;

/// <summary>
/// When to inject <see cref="Fault"/>: on requests with <see cref="Method"/> whose path matches
/// <see cref="PathPattern"/> (segments compared exactly; a segment <c>*</c> or <c>{name}</c>, as in the spec's path
/// keys, matches any one segment; the query is ignored). The rule counts the matching requests that arrive after it
/// is enqueued and applies from the <see cref="OnMatch"/>-th on, <see cref="Times"/> times in a row.
/// </summary>
/// <example><c>new FaultRule("POST", "/v2/orders", Fault.LostResponse()) { OnMatch = 2 }</c> loses the answer to the second order placed.</example>
public sealed class FaultRule
{
    public FaultRule(string method, string pathPattern, Fault fault)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(method);
        ArgumentNullException.ThrowIfNull(fault);
        Pattern = Http.PathPattern.Parse(pathPattern);
        Method = method.ToUpperInvariant();
        PathPattern = pathPattern;
        Fault = fault;
    }

    /// <summary>The HTTP method, upper case.</summary>
    public string Method { get; }

    public string PathPattern { get; }

    public Fault Fault { get; }

    /// <summary>The first matching request (1-based, counted from when the rule is enqueued) it applies to. Default 1: the next one.</summary>
    public int OnMatch { get; init; } = 1;

    /// <summary>How many matching requests in a row it applies to. Default 1.</summary>
    public int Times { get; init; } = 1;

    internal Http.PathPattern Pattern { get; }
}
