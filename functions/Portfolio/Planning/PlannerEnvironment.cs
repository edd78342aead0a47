using Alchemiser.Lambda;

namespace Alchemiser.Portfolio.Planning;

/// <summary>The planner's safety settings of a deployed Portfolio function, from its environment (unset: the defaults).</summary>
public static class PlannerEnvironment
{
    /// <summary>Kill switch, deployment fraction, max order notional, max position weight, minimum trade value — validated.</summary>
    public static PlannerSettings Read(LambdaEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var defaults = new PlannerSettings();
        var settings = defaults with
        {
            KillSwitch = environment.Flag(LambdaVariables.KillSwitch),
            DeploymentFraction = environment.Decimal(LambdaVariables.DeploymentFraction) ?? defaults.DeploymentFraction,
            MaxOrderNotional = environment.Decimal(LambdaVariables.MaxOrderNotional),
            MaxPositionWeight = environment.Decimal(LambdaVariables.MaxPositionWeight),
            MinimumTradeValue = environment.Decimal(LambdaVariables.MinimumTradeValue) ?? defaults.MinimumTradeValue,
        };
        settings.Validate();
        return settings;
    }
}
