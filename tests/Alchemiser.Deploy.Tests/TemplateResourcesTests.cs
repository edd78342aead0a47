using System.Globalization;
using System.Text.Json;
using YamlDotNet.RepresentationModel;

namespace Alchemiser.Deploy.Tests;

/// <summary>What every deployed function, the schedule, the execution queue and the parameters must have.</summary>
public class TemplateResourcesTests
{
    private static readonly string[] SixFunctions = ["StrategyOrchestrator", "StrategyWorker", "SignalAggregator", "Portfolio", "Execution", "Notifications"];

    private static SamTemplate Template => SamTemplate.Repository;

    public static TheoryData<string> Functions() => new(SixFunctions);

    [Fact]
    public void The_template_declares_the_six_functions()
    {
        Assert.Equal(SixFunctions.Order(StringComparer.Ordinal), Template.Functions.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Functions))]
    public void A_function_runs_its_assemblys_stream_handler_on_dotnet10_x86_64_built_by_the_makefile(string function)
    {
        Assert.Equal($"Alchemiser.{function}::Alchemiser.{function}.Function::HandleAsync", Template.Properties(function).Scalar("Handler"));
        Assert.Equal("dotnet10", (Template.FunctionProperty(function, "Runtime") as YamlScalarNode)?.Value);
        Assert.Equal(["x86_64"], Template.FunctionProperty(function, "Architectures").AsList().Select(a => ((YamlScalarNode)a).Value));
        Assert.Equal("makefile", (Template.Resource(function).Get("Metadata") as YamlMappingNode)?.Scalar("BuildMethod"));
        Assert.NotNull(Template.Properties(function).Get("MemorySize"));
        Assert.NotNull(Template.Properties(function).Get("Timeout"));
    }

    [Theory]
    [MemberData(nameof(Functions))]
    public void A_function_logs_to_its_own_log_group_with_a_retention(string function)
    {
        var logGroupId = ((Template.Properties(function).Get("LoggingConfig") as YamlMappingNode)?.Get("LogGroup"))?.ReferencedId();

        Assert.NotNull(logGroupId);
        Assert.Equal("AWS::Logs::LogGroup", Template.Resource(logGroupId).Scalar("Type"));
        Assert.NotNull(Template.Properties(logGroupId).Get("RetentionInDays"));
        Assert.Single(Template.Functions, f => ((Template.Properties(f).Get("LoggingConfig") as YamlMappingNode)?.Get("LogGroup"))?.ReferencedId() == logGroupId);
    }

    [Theory]
    [MemberData(nameof(Functions))]
    public void A_function_has_an_alarm_on_its_errors_that_notifies_the_alert_topic(string function)
    {
        var alarms = Template.IdsOfType("AWS::CloudWatch::Alarm").Select(Template.Properties).Where(alarm =>
            alarm.Scalar("Namespace") == "AWS/Lambda" && alarm.Scalar("MetricName") == "Errors"
            && alarm.Get("Dimensions").AsList().OfType<YamlMappingNode>().Any(d => d.Scalar("Name") == "FunctionName" && d.Get("Value")?.ReferencedId() == function));

        var alarm = Assert.Single(alarms);
        Assert.Equal(["DLQAlertTopic"], alarm.Get("AlarmActions").AsList().Select(a => a.ReferencedId()));
    }

    [Fact]
    public void The_schedule_starts_the_orchestrator_at_15_30_new_york_time_on_weekdays_with_at_most_one_retry()
    {
        var id = Assert.Single(Template.IdsOfType("AWS::Scheduler::Schedule"));
        var schedule = Template.Properties(id);
        var target = (YamlMappingNode)schedule.Get("Target")!;

        Assert.Equal("cron(30 15 ? * MON-FRI *)", schedule.Scalar("ScheduleExpression"));
        Assert.Equal("America/New_York", schedule.Scalar("ScheduleExpressionTimezone"));
        Assert.Equal("StrategyOrchestrator", target.Get("Arn")?.ReferencedId());
        var retries = int.Parse(((YamlMappingNode)target.Get("RetryPolicy")!).Scalar("MaximumRetryAttempts")!, CultureInfo.InvariantCulture);
        Assert.InRange(retries, 0, 1);
    }

    [Fact]
    public void The_schedule_sends_the_input_of_the_sample_schedule_event_for_its_stage()
    {
        var target = (YamlMappingNode)Template.Properties(Assert.Single(Template.IdsOfType("AWS::Scheduler::Schedule"))).Get("Target")!;
        var input = (YamlScalarNode)target.Get("Input")!;
        Assert.Equal("!Sub", input.Tag.Value);

        using var sent = JsonDocument.Parse(input.Value!.Replace("${Stage}", "dev", StringComparison.Ordinal));
        using var sample = JsonDocument.Parse(File.ReadAllText(RepositoryLayout.PathOf("events", "functions", "StrategyOrchestrator.schedule.json")));
        Assert.True(JsonElement.DeepEquals(sample.RootElement, sent.RootElement), $"schedule input {sent.RootElement} differs from the sample {sample.RootElement}");
    }

    [Fact]
    public void The_schedule_has_its_own_role_that_may_only_invoke_the_orchestrator()
    {
        var schedule = Template.Properties(Assert.Single(Template.IdsOfType("AWS::Scheduler::Schedule")));
        var roleId = ((YamlMappingNode)schedule.Get("Target")!).Get("RoleArn")!.ReferencedId()!;
        var statements = Template.Properties(roleId).Get("Policies").AsList().OfType<YamlMappingNode>()
            .SelectMany(p => ((YamlMappingNode)p.Get("PolicyDocument")!).Get("Statement").AsList().OfType<YamlMappingNode>()).ToList();

        var statement = Assert.Single(statements);
        Assert.Equal(["lambda:InvokeFunction"], statement.Get("Action").AsList().Select(a => ((YamlScalarNode)a).Value));
        Assert.All(statement.Get("Resource").AsList(), r => Assert.Contains("StrategyOrchestrator", ((YamlScalarNode)r).Value, StringComparison.Ordinal));
    }

    [Fact]
    public void The_execution_queue_hides_a_plan_for_at_least_six_execution_timeouts_and_dead_letters_it_after_three_receives()
    {
        var queue = Template.Properties("ExecutionQueue");
        var timeout = int.Parse(Template.Properties("Execution").Scalar("Timeout")!, CultureInfo.InvariantCulture);
        var redrive = (YamlMappingNode)queue.Get("RedrivePolicy")!;

        Assert.True(int.Parse(queue.Scalar("VisibilityTimeout")!, CultureInfo.InvariantCulture) >= 6 * timeout);
        Assert.Equal("3", redrive.Scalar("maxReceiveCount"));
        Assert.Equal("ExecutionDLQ", redrive.Get("deadLetterTargetArn")?.ReferencedId());
        var variables = (YamlMappingNode)((YamlMappingNode)Template.Properties("Execution").Get("Environment")!).Get("Variables")!;
        Assert.Equal("3", variables.Scalar("ALCHEMISER_MAX_RECEIVE_COUNT"));
    }

    [Fact]
    public void Execution_runs_one_plan_at_a_time()
    {
        Assert.Equal("1", Template.Properties("Execution").Scalar("ReservedConcurrentExecutions"));
    }

    [Fact]
    public void A_message_in_the_dead_letter_queue_raises_an_alarm_on_the_alert_topic()
    {
        var alarm = Assert.Single(Template.IdsOfType("AWS::CloudWatch::Alarm").Select(Template.Properties),
            a => a.Get("Dimensions").AsList().OfType<YamlMappingNode>().Any(d => d.Get("Value")?.ReferencedId() == "ExecutionDLQ"));

        Assert.Equal("ApproximateNumberOfMessagesVisible", alarm.Scalar("MetricName"));
        Assert.Equal("DLQAlertTopic", Assert.Single(alarm.Get("AlarmActions").AsList()).ReferencedId());
        Assert.Equal("AWS::SNS::Topic", Template.Resource("DLQAlertTopic").Scalar("Type"));
    }

    [Fact]
    public void Live_trading_is_asserted_to_need_the_prod_stage_and_the_operators_confirmation()
    {
        var parameters = (YamlMappingNode)Template.Root.Get("Parameters")!;
        Assert.Equal(["dev", "prod", "ephemeral"], ((YamlMappingNode)parameters.Get("Stage")!).Get("AllowedValues").AsList().Select(v => ((YamlScalarNode)v).Value));
        Assert.Equal("paper", ((YamlMappingNode)parameters.Get("TradingMode")!).Scalar("Default"));

        var rule = (YamlMappingNode)((YamlMappingNode)Template.Root.Get("Rules")!).Get("LiveTradingOnlyInProd")!;
        Assert.Equal(["TradingMode", "live"], ((YamlSequenceNode)rule.Get("RuleCondition")!).Children.Select(n => ((YamlScalarNode)n).Value));
        Assert.Equal(
            [["Stage", "prod"], ["LiveTradingConfirmation", "confirmed"]],
            rule.Get("Assertions").AsList().Select(a => ((YamlSequenceNode)((YamlMappingNode)a).Get("Assert")!).Children.Select(n => ((YamlScalarNode)n).Value!).ToArray()));
        Assert.Equal("no", ((YamlMappingNode)parameters.Get("LiveTradingConfirmation")!).Scalar("Default"));
        Assert.Equal("LiveTradingConfirmation", ((YamlMappingNode)Template.Root.Get("Globals")!).Get("Function")!.Descendants()
            .OfType<YamlMappingNode>().Select(m => m.Get("ALCHEMISER_LIVE_TRADING")).OfType<YamlNode>().Single().ReferencedId());
    }

    [Theory]
    [InlineData("AggregationSessionsTable")]
    [InlineData("IdempotencyTable")]
    public void Sessions_and_idempotency_records_expire_at_expires_at(string table)
    {
        var ttl = (YamlMappingNode)Template.Properties(table).Get("TimeToLiveSpecification")!;
        Assert.Equal("expires_at", ttl.Scalar("AttributeName"));
        Assert.Equal("true", ttl.Scalar("Enabled"));
    }

    [Fact]
    public void The_ledger_keeps_point_in_time_recovery()
    {
        var ledger = Template.Properties("TradeLedgerTable");
        Assert.Equal("true", ((YamlMappingNode)ledger.Get("PointInTimeRecoverySpecification")!).Scalar("PointInTimeRecoveryEnabled"));
    }

    [Theory]
    [InlineData("DatalakeBucket")]
    [InlineData("ReportsBucket")]
    public void A_bucket_is_encrypted_and_blocks_public_access(string bucket)
    {
        var properties = Template.Properties(bucket);
        Assert.NotNull(properties.Get("BucketEncryption"));
        var block = (YamlMappingNode)properties.Get("PublicAccessBlockConfiguration")!;
        Assert.All(new[] { "BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets" }, key => Assert.Equal("true", block.Scalar(key)));
    }
}
