using Alchemiser.Core.Errors;
using Alchemiser.Lambda;
using YamlDotNet.RepresentationModel;

namespace Alchemiser.Deploy.Tests;

/// <summary>
/// Lambda creates each handler class with its parameterless constructor, which composes the function from its
/// environment. Composing from exactly the variables template.yaml gives that function (plus what Lambda itself sets)
/// must work without touching the network — a variable the code needs but the template forgot would otherwise only show
/// up as an init error in the deployed stack.
/// </summary>
public sealed class FunctionCompositionTests
{
    public static TheoryData<string> Functions => new() { "StrategyOrchestrator", "StrategyWorker", "SignalAggregator", "Portfolio", "Execution", "Notifications" };

    [Theory]
    [MemberData(nameof(Functions))]
    public void The_function_composes_from_the_environment_the_template_gives_it(string function)
    {
        var environment = TemplateEnvironment(function);

        var created = Compose(function, LambdaServices.FromEnvironment(Reader(environment)));

        Assert.NotNull(created);
    }

    [Theory]
    [InlineData("StrategyOrchestrator", LambdaVariables.AggregationSessionsTable)]
    [InlineData("StrategyOrchestrator", LambdaVariables.EventBus)]
    [InlineData("StrategyOrchestrator", LambdaVariables.AlpacaSecretArn)]
    [InlineData("StrategyWorker", LambdaVariables.DatalakeBucket)]
    [InlineData("StrategyWorker", LambdaVariables.AlpacaSecretArn)]
    [InlineData("SignalAggregator", LambdaVariables.AggregationSessionsTable)]
    [InlineData("Portfolio", LambdaVariables.TradeLedgerTable)]
    [InlineData("Portfolio", LambdaVariables.IdempotencyTable)]
    [InlineData("Portfolio", LambdaVariables.AlpacaSecretArn)]
    [InlineData("Execution", LambdaVariables.TradeLedgerTable)]
    [InlineData("Execution", LambdaVariables.AlpacaSecretArn)]
    [InlineData("Notifications", LambdaVariables.ReportsBucket)]
    [InlineData("Notifications", LambdaVariables.NotificationsTopicArn)]
    public void Without_a_variable_it_needs_the_function_refuses_to_start_and_names_it(string function, string variable)
    {
        var environment = TemplateEnvironment(function);
        Assert.True(environment.Remove(variable), $"template.yaml gives {function} no {variable}");

        var error = Assert.Throws<ConfigurationException>(() => Compose(function, LambdaServices.FromEnvironment(Reader(environment))));

        Assert.Contains(variable, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Live_trading_is_refused_at_start_unless_the_stage_is_prod_and_live_trading_is_confirmed()
    {
        var environment = TemplateEnvironment("Execution");
        environment[LambdaVariables.TradingMode] = "live";

        var error = Assert.Throws<ConfigurationException>(() => Compose("Execution", LambdaServices.FromEnvironment(Reader(environment))));

        Assert.Contains("live", error.Message, StringComparison.Ordinal);
    }

    private static object Compose(string function, LambdaServices services) => function switch
    {
        "StrategyOrchestrator" => new StrategyOrchestrator.Function(services),
        "StrategyWorker" => new StrategyWorker.Function(services),
        "SignalAggregator" => new SignalAggregator.Function(services),
        "Portfolio" => new Portfolio.Function(services),
        "Execution" => new Execution.Function(services),
        "Notifications" => new Notifications.Function(services),
        _ => throw new ArgumentOutOfRangeException(nameof(function), function, null),
    };

    /// <summary>The template's variables for the function with values of the shape the stack gives them, plus Lambda's own.</summary>
    private static Dictionary<string, string> TemplateEnvironment(string function)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["AWS_REGION"] = "us-east-1",
            ["AWS_LAMBDA_FUNCTION_NAME"] = "alchemiser-dev-" + function,
        };
        foreach (var (name, value) in SamTemplate.Repository.FunctionEnvironment(function))
        {
            environment[name] = value switch
            {
                YamlScalarNode { Tag.IsEmpty: true } literal => literal.Value!,
                _ when name == LambdaVariables.Stage => "dev",
                _ when name == LambdaVariables.TradingMode => "paper",
                _ when name.EndsWith("_ARN", StringComparison.Ordinal) => $"arn:aws:service:us-east-1:123456789012:alchemiser-dev-{name.ToLowerInvariant()}",
                _ when name.EndsWith("_URL", StringComparison.Ordinal) => "https://sqs.us-east-1.amazonaws.com/123456789012/alchemiser-dev-queue",
                _ => "alchemiser-dev-" + name.ToLowerInvariant().Replace('_', '-'),
            };
        }

        return environment;
    }

    private static LambdaEnvironment Reader(Dictionary<string, string> environment) =>
        new(name => environment.TryGetValue(name, out var value) ? value : null);
}
