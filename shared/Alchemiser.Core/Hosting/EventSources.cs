namespace Alchemiser.Core.Hosting;

/// <summary>
/// The EventBridge <c>source</c> of every workflow event: <c>alchemiser.&lt;module&gt;</c>, where the module is the
/// envelope's <c>source_module</c> (the emitting function). Rules in <c>template.yaml</c> match on it and on
/// <c>detail-type</c>.
/// </summary>
public static class EventSources
{
    /// <summary>What every workflow source starts with.</summary>
    public const string Prefix = "alchemiser.";

    /// <summary>The orchestrator's module name.</summary>
    public const string StrategyOrchestrator = "strategy_orchestrator";

    /// <summary>The strategy worker's module name.</summary>
    public const string StrategyWorker = "strategy_worker";

    /// <summary>The signal aggregator's module name.</summary>
    public const string SignalAggregator = "signal_aggregator";

    /// <summary>The portfolio function's module name.</summary>
    public const string Portfolio = "portfolio";

    /// <summary>The execution function's module name.</summary>
    public const string Execution = "execution";

    /// <summary>The notifications function's module name.</summary>
    public const string Notifications = "notifications";

    /// <summary>Every module name, in workflow order.</summary>
    public static IReadOnlyList<string> Modules { get; } =
        [StrategyOrchestrator, StrategyWorker, SignalAggregator, Portfolio, Execution, Notifications];

    /// <summary>The source of events emitted by <paramref name="module"/>: <c>alchemiser.portfolio</c> for <c>portfolio</c>.</summary>
    /// <exception cref="ArgumentException">The module is not one of <see cref="Modules"/>.</exception>
    public static string For(string module)
    {
        ArgumentNullException.ThrowIfNull(module);
        if (!Modules.Contains(module, StringComparer.Ordinal))
        {
            throw new ArgumentException($"'{module}' is not an Alchemiser module; expected one of {string.Join(", ", Modules)}", nameof(module));
        }

        return Prefix + module;
    }
}
