using Alchemiser.Core.Errors;

namespace Alchemiser.Lambda.Tests;

public sealed class LambdaEnvironmentTests
{
    private static LambdaEnvironment With(params (string Name, string Value)[] variables)
    {
        var values = variables.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);
        return new LambdaEnvironment(name => values.TryGetValue(name, out var value) ? value : null);
    }

    [Fact]
    public void A_required_variable_is_read_trimmed()
    {
        Assert.Equal("alchemiser-dev", With(("ALCHEMISER_EVENT_BUS", "  alchemiser-dev ")).Required(LambdaVariables.EventBus));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_missing_or_blank_required_variable_is_a_configuration_error_naming_it(string? value)
    {
        var environment = value is null ? With() : With((LambdaVariables.EventBus, value));

        var error = Assert.Throws<ConfigurationException>(() => environment.Required(LambdaVariables.EventBus));

        Assert.Contains("ALCHEMISER_EVENT_BUS", error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.RemediationHint);
    }

    [Fact]
    public void A_choice_falls_back_when_unset_and_refuses_a_value_outside_the_list_without_echoing_it()
    {
        Assert.Equal("run", With().Choice(LambdaVariables.EarlyClosePolicy, "run", "run", "skip"));
        Assert.Equal("skip", With((LambdaVariables.EarlyClosePolicy, "skip")).Choice(LambdaVariables.EarlyClosePolicy, "run", "run", "skip"));

        var error = Assert.Throws<ConfigurationException>(() =>
            With((LambdaVariables.EarlyClosePolicy, "sk1p-s3cret")).Choice(LambdaVariables.EarlyClosePolicy, "run", "run", "skip"));

        Assert.Contains("one of run, skip", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("sk1p-s3cret", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("TRUE", true)]
    [InlineData("1", true)]
    [InlineData("yes", true)]
    [InlineData("false", false)]
    [InlineData("0", false)]
    [InlineData("off", false)]
    public void A_flag_reads_the_usual_spellings(string text, bool expected)
    {
        Assert.Equal(expected, With((LambdaVariables.KillSwitch, text)).Flag(LambdaVariables.KillSwitch));
    }

    [Fact]
    public void A_flag_that_is_not_a_boolean_is_refused_and_an_unset_flag_is_the_fallback()
    {
        Assert.Throws<ConfigurationException>(() => With((LambdaVariables.KillSwitch, "maybe")).Flag(LambdaVariables.KillSwitch));
        Assert.True(With().Flag(LambdaVariables.KillSwitch, fallback: true));
    }

    [Fact]
    public void Numbers_are_read_with_the_invariant_culture()
    {
        Assert.Equal(0.95m, With((LambdaVariables.DeploymentFraction, "0.95")).Decimal(LambdaVariables.DeploymentFraction));
        Assert.Null(With().Decimal(LambdaVariables.DeploymentFraction));
        Assert.Throws<ConfigurationException>(() => With((LambdaVariables.DeploymentFraction, "0,95")).Decimal(LambdaVariables.DeploymentFraction));
        Assert.Equal(5, With((LambdaVariables.MaxReceiveCount, "5")).Integer(LambdaVariables.MaxReceiveCount, 3));
        Assert.Equal(3, With().Integer(LambdaVariables.MaxReceiveCount, 3));
        Assert.Throws<ConfigurationException>(() => With((LambdaVariables.MaxReceiveCount, "three")).Integer(LambdaVariables.MaxReceiveCount, 3));
    }
}
