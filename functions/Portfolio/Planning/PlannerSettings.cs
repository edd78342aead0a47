using System.Collections.Frozen;
using System.Globalization;
using Alchemiser.Core.Errors;

namespace Alchemiser.Portfolio.Planning;

/// <summary>
/// How the rebalance planner sizes and guards trades (ARCHITECTURE.md §8 safety). Defaults: deploy all equity, no
/// margin, $5 minimum trade, no drift band, kill switch off, no position or order limits, empty blocklist.
/// </summary>
public sealed record PlannerSettings
{
    /// <summary>Share of equity to deploy; capital = equity × fraction. At most 1 unless <see cref="AllowMargin"/>.</summary>
    public decimal DeploymentFraction { get; init; } = 1m;

    /// <summary>Whether <see cref="DeploymentFraction"/> may exceed 1 (deploy borrowed money).</summary>
    public bool AllowMargin { get; init; }

    /// <summary>A non-exit trade whose |target value − current value| is below this many dollars is skipped.</summary>
    public decimal MinimumTradeValue { get; init; } = 5m;

    /// <summary>A symbol whose current weight is within ± this of its target weight is not traded (0: no band).</summary>
    public decimal DriftBand { get; init; }

    /// <summary>When on, every trade is blocked.</summary>
    public bool KillSwitch { get; init; }

    /// <summary>The largest weight of the deployable capital a buy may take a position to; larger buys are capped.</summary>
    public decimal? MaxPositionWeight { get; init; }

    /// <summary>The largest estimated notional of one order; larger orders are blocked.</summary>
    public decimal? MaxOrderNotional { get; init; }

    /// <summary>Symbols that must not be bought (selling them is allowed: it reduces exposure). Matched with the set's own comparer.</summary>
    public IReadOnlySet<string> Blocklist { get; init; } = FrozenSet<string>.Empty;

    /// <summary>Throws a <see cref="ConfigurationException"/> naming the first setting that is out of range.</summary>
    public void Validate()
    {
        if (DeploymentFraction <= 0m)
        {
            throw Invalid($"deployment fraction must be > 0, got {Format(DeploymentFraction)}", "set a deployment fraction in (0, 1]");
        }

        if (DeploymentFraction > 1m && !AllowMargin)
        {
            throw Invalid(
                $"deployment fraction {Format(DeploymentFraction)} exceeds 1 but margin is not allowed",
                "lower the deployment fraction to at most 1, or allow margin explicitly");
        }

        if (MinimumTradeValue < 0m)
        {
            throw Invalid($"minimum trade value must be ≥ 0, got {Format(MinimumTradeValue)}", "set a minimum trade value in dollars, e.g. 5");
        }

        if (DriftBand < 0m || DriftBand >= 1m)
        {
            throw Invalid($"drift band must be in [0, 1), got {Format(DriftBand)}", "set the drift band as a weight, e.g. 0.02");
        }

        if (MaxPositionWeight is { } w && (w <= 0m || w > 1m))
        {
            throw Invalid($"max position weight must be in (0, 1], got {Format(w)}", "set the max position weight as a weight, e.g. 0.35");
        }

        if (MaxOrderNotional is { } n && n <= 0m)
        {
            throw Invalid($"max order notional must be > 0, got {Format(n)}", "set the max order notional in dollars, or leave it unset");
        }
    }

    private static ConfigurationException Invalid(string message, string hint) => new($"planner settings: {message}", hint);

    private static string Format(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
