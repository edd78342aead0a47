using Alchemiser.Core.Errors;
using Alchemiser.Execution;

namespace Alchemiser.Functions.Tests.Execution;

/// <summary>Execution settings out of range are configuration errors that name the setting and say what to do.</summary>
public sealed class ExecutionSettingsTests
{
    public static TheoryData<string, ExecutionSettings> OutOfRange => new()
    {
        { "step fractions must list 1 to 9 limit steps, got 0", new ExecutionSettings { StepFractions = [] } },
        { "step fraction 2 must be in [0, 1], got 1.1", new ExecutionSettings { StepFractions = [0.5m, 1.1m] } },
        { "step fractions must increase, but step 2 (0.5) is not above step 1 (0.5)", new ExecutionSettings { StepFractions = [0.5m, 0.5m] } },
        { "step wait must be above zero, got 00:00:00", new ExecutionSettings { StepWait = TimeSpan.Zero } },
        { "poll interval must be above zero, got -00:00:01", new ExecutionSettings { PollInterval = TimeSpan.FromSeconds(-1) } },
        { "final-state timeout must be above zero, got 00:00:00", new ExecutionSettings { FinalStateTimeout = TimeSpan.Zero } },
        { "quote staleness limit must be above zero, got 00:00:00", new ExecutionSettings { QuoteStalenessLimit = TimeSpan.Zero } },
        { "poll interval (00:00:05) exceeds the final-state timeout (00:00:02)", new ExecutionSettings { PollInterval = TimeSpan.FromSeconds(5), FinalStateTimeout = TimeSpan.FromSeconds(2) } },
        { "buying-power buffer must be in [0, 1), got 1", new ExecutionSettings { BuyingPowerBuffer = 1m } },
        { "buying-power buffer must be in [0, 1), got -0.01", new ExecutionSettings { BuyingPowerBuffer = -0.01m } },
        { "max receive count must be at least 1, got 0", new ExecutionSettings { MaxReceiveCount = 0 } },
    };

    [Theory]
    [MemberData(nameof(OutOfRange))]
    public void A_setting_out_of_range_is_a_configuration_error_with_a_hint(string message, ExecutionSettings settings)
    {
        var error = Assert.Throws<ConfigurationException>(settings.Validate);

        Assert.Equal($"execution settings: {message}", error.Message);
        Assert.False(string.IsNullOrWhiteSpace(error.RemediationHint));
    }

    [Fact]
    public void The_defaults_walk_half_three_quarters_and_most_of_the_spread_ten_seconds_a_step()
    {
        var settings = new ExecutionSettings();

        settings.Validate();
        Assert.Equal([0.50m, 0.75m, 0.95m], settings.StepFractions);
        Assert.Equal(
            (TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(60), 0.005m, 3),
            (settings.StepWait, settings.PollInterval, settings.FinalStateTimeout, settings.QuoteStalenessLimit, settings.BuyingPowerBuffer, settings.MaxReceiveCount));
    }

    [Fact]
    public void The_service_refuses_settings_out_of_range()
    {
        var scenario = new Support.ExecutionScenario { Settings = new ExecutionSettings { MaxReceiveCount = 0 } };

        Assert.Throws<ConfigurationException>(() => scenario.Service());
    }
}
