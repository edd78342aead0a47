using Alchemiser.Core.Errors;
using Alchemiser.Portfolio.Planning;

namespace Alchemiser.Lambda.Tests;

/// <summary>The planner's safety settings of the deployed Portfolio function come from its environment.</summary>
public sealed class PlannerEnvironmentTests
{
    private static LambdaEnvironment With(params (string Name, string Value)[] variables)
    {
        var values = variables.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);
        return new LambdaEnvironment(name => values.TryGetValue(name, out var value) ? value : null);
    }

    [Fact]
    public void Unset_variables_leave_the_planner_defaults()
    {
        Assert.Equal(new PlannerSettings(), PlannerEnvironment.Read(With()));
    }

    [Fact]
    public void Every_limit_is_read()
    {
        var settings = PlannerEnvironment.Read(With(
            (LambdaVariables.KillSwitch, "true"),
            (LambdaVariables.DeploymentFraction, "0.9"),
            (LambdaVariables.MaxOrderNotional, "2500"),
            (LambdaVariables.MaxPositionWeight, "0.35"),
            (LambdaVariables.MinimumTradeValue, "10")));

        Assert.True(settings.KillSwitch);
        Assert.Equal(0.9m, settings.DeploymentFraction);
        Assert.Equal(2500m, settings.MaxOrderNotional);
        Assert.Equal(0.35m, settings.MaxPositionWeight);
        Assert.Equal(10m, settings.MinimumTradeValue);
    }

    [Fact]
    public void A_limit_out_of_range_is_refused_like_any_planner_setting()
    {
        var error = Assert.Throws<ConfigurationException>(() => PlannerEnvironment.Read(With((LambdaVariables.DeploymentFraction, "1.5"))));

        Assert.Contains("margin", error.Message, StringComparison.Ordinal);
    }
}
