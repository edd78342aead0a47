using Alchemiser.Core.Errors;
using Alchemiser.Portfolio.Planning;

namespace Alchemiser.Functions.Tests.Portfolio;

/// <summary>Planner settings out of range are configuration errors that name the setting and say what to do.</summary>
public sealed class PlannerSettingsTests
{
    public static TheoryData<string, PlannerSettings> OutOfRange => new()
    {
        { "deployment fraction must be > 0, got 0", new PlannerSettings { DeploymentFraction = 0m } },
        { "minimum trade value must be ≥ 0, got -1", new PlannerSettings { MinimumTradeValue = -1m } },
        { "drift band must be in [0, 1), got -0.01", new PlannerSettings { DriftBand = -0.01m } },
        { "max position weight must be in (0, 1], got 1.2", new PlannerSettings { MaxPositionWeight = 1.2m } },
        { "max order notional must be > 0, got 0", new PlannerSettings { MaxOrderNotional = 0m } },
    };

    [Theory]
    [MemberData(nameof(OutOfRange))]
    public void A_setting_out_of_range_is_a_configuration_error_with_a_hint(string message, PlannerSettings settings)
    {
        var error = Assert.Throws<ConfigurationException>(settings.Validate);

        Assert.Equal($"planner settings: {message}", error.Message);
        Assert.False(string.IsNullOrWhiteSpace(error.RemediationHint));
    }

    [Fact]
    public void The_defaults_deploy_all_equity_with_a_five_dollar_minimum_and_no_limits()
    {
        var settings = new PlannerSettings();

        settings.Validate();
        Assert.Equal((1m, false, 5m, 0m, false, (decimal?)null, (decimal?)null), (settings.DeploymentFraction, settings.AllowMargin, settings.MinimumTradeValue, settings.DriftBand, settings.KillSwitch, settings.MaxPositionWeight, settings.MaxOrderNotional));
        Assert.Empty(settings.Blocklist);
    }
}
