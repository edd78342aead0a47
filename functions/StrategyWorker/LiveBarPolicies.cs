namespace Alchemiser.StrategyWorker;

/// <summary>How a worker prices today's evaluation.</summary>
public static class LiveBarPolicies
{
    /// <summary>Append the latest trade price as today's bar (the default).</summary>
    public const string LiveBar = "live-bar";

    /// <summary>Use only stored bars: today's decision rests on the previous close.</summary>
    public const string PreviousClose = "previous-close";

    /// <summary>Every policy, for validating settings.</summary>
    public static IReadOnlyList<string> All { get; } = [LiveBar, PreviousClose];
}
