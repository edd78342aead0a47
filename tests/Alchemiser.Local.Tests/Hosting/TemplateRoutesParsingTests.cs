using Alchemiser.Core.Errors;
using Alchemiser.Local.Hosting;

namespace Alchemiser.Local.Tests.Hosting;

/// <summary>The rule reader on small inline templates: CloudFormation tags, the supported pattern subset, targets, and errors.</summary>
public sealed class TemplateRoutesParsingTests
{
    private const string Source = "inline.yaml";

    /// <summary>A template with a bus, two functions and <paramref name="resources"/> (indented by two spaces) appended.</summary>
    private static string Template(string resources) =>
        """
        AWSTemplateFormatVersion: "2010-09-09"
        Transform: AWS::Serverless-2016-10-31
        Parameters:
          Stage: {Type: String, Default: dev}
        Conditions:
          IsProd: !Equals [!Ref Stage, prod]
        Resources:
          Bus:
            Type: AWS::Events::EventBus
            Properties:
              Name: !Sub alchemiser-${Stage}
          Worker:
            Type: AWS::Serverless::Function
            Properties:
              Handler: Alchemiser.StrategyWorker::Alchemiser.StrategyWorker.Function::HandleAsync
              MemorySize: !If [IsProd, 2048, 1024]
              Environment:
                Variables:
                  BUS: !Ref Bus
                  TABLE: !Join ["-", [sessions, !Ref Stage]]
                  FIRST: !Select [0, !GetAZs ""]
          Aggregator:
            Type: AWS::Lambda::Function
            Properties:
              Handler: Alchemiser.SignalAggregator::Alchemiser.SignalAggregator.Function::HandleAsync
              Role: !GetAtt [AggregatorRole, Arn]
          AggregatorRole:
            Type: AWS::IAM::Role
            Properties:
              AssumeRolePolicyDocument: !Base64 ignored
        """ + "\n" + resources;

    private static TemplateRoutes Parse(string resources) => TemplateRoutes.Parse(Template(resources), Source);

    private static ConfigurationException Rejects(string resources)
    {
        var ex = Assert.Throws<ConfigurationException>(() => Parse(resources));
        Assert.StartsWith(Source + ": ", ex.Message);
        Assert.Equal(ErrorCategory.Configuration, ex.Category);
        Assert.False(string.IsNullOrWhiteSpace(ex.RemediationHint));
        return ex;
    }

    private const string WorkerRule =
        """
          ToWorker:
            Type: AWS::Events::Rule
            Properties:
              EventBusName: !Ref Bus
              EventPattern:
                source: ["alchemiser.strategy_orchestrator"]
                detail-type: ["StrategyEvaluationRequested"]
              Targets:
                - Id: w
                  Arn: !GetAtt Worker.Arn
        """;

    [Fact]
    public void Short_form_tags_anywhere_in_the_template_are_read_as_plain_values()
    {
        var routes = Parse(WorkerRule);

        var route = Assert.Single(routes.Routes);
        Assert.Equal("ToWorker", route.RuleName);
        Assert.Equal("Worker", route.Consumer);
        Assert.Null(route.Queue);
        Assert.Equal([EventPatternValue.Exact("alchemiser.strategy_orchestrator")], route.Sources);
        Assert.Equal([EventPatternValue.Exact("StrategyEvaluationRequested")], route.DetailTypes);
    }

    [Fact]
    public void Both_lambda_resource_types_are_functions_with_their_handlers()
    {
        var functions = Parse(WorkerRule).Functions;

        Assert.Equal(
            [
                new TemplateFunction("Worker", "Alchemiser.StrategyWorker::Alchemiser.StrategyWorker.Function::HandleAsync"),
                new TemplateFunction("Aggregator", "Alchemiser.SignalAggregator::Alchemiser.SignalAggregator.Function::HandleAsync"),
            ],
            functions);
    }

    [Fact]
    public void Long_form_intrinsics_name_the_bus_and_the_target()
    {
        var routes = Parse(
            """
              ToAggregator:
                Type: AWS::Events::Rule
                Properties:
                  EventBusName: {Ref: Bus}
                  EventPattern:
                    detail-type: [PartialSignalGenerated, StrategyEvaluationFailed]
                  Targets:
                    - Id: a
                      Arn: {"Fn::GetAtt": [Aggregator, Arn]}
            """);

        var route = Assert.Single(routes.Routes);
        Assert.Equal("Aggregator", route.Consumer);
        Assert.Empty(route.Sources);
        Assert.True(route.Matches("anything.at.all", "StrategyEvaluationFailed"));
        Assert.False(route.Matches("alchemiser.strategy_worker", "SignalGenerated"));
    }

    [Fact]
    public void A_pattern_written_as_a_json_string_is_read_like_a_mapping()
    {
        var routes = Parse(
            """
              ToWorker:
                Type: AWS::Events::Rule
                Properties:
                  EventBusName: !GetAtt Bus.Name
                  EventPattern: '{"source": [{"prefix": "alchemiser."}], "detail-type": ["A", "B"]}'
                  Targets:
                    - Id: w
                      Arn: !GetAtt [Worker, Arn]
            """);

        var route = Assert.Single(routes.Routes);
        Assert.Equal([EventPatternValue.Prefix("alchemiser.")], route.Sources);
        Assert.Equal([EventPatternValue.Exact("A"), EventPatternValue.Exact("B")], route.DetailTypes);
    }

    [Fact]
    public void A_prefix_source_matches_every_source_that_starts_with_it_and_nothing_else()
    {
        var route = Assert.Single(Parse(
            """
              ToWorker:
                Type: AWS::Events::Rule
                Properties:
                  EventBusName: !Ref Bus
                  EventPattern:
                    source: [{"prefix": "alchemiser."}, "partner.exact"]
                    detail-type: [WorkflowFailed]
                  Targets:
                    - {Id: w, Arn: !GetAtt Worker.Arn}
            """).Routes);

        Assert.True(route.Matches("alchemiser.portfolio", "WorkflowFailed"));
        Assert.True(route.Matches("alchemiser.", "WorkflowFailed"));
        Assert.True(route.Matches("partner.exact", "WorkflowFailed"));
        Assert.False(route.Matches("partner.exact.more", "WorkflowFailed"));
        Assert.False(route.Matches("Alchemiser.portfolio", "WorkflowFailed"));
        Assert.False(route.Matches("xalchemiser.portfolio", "WorkflowFailed"));
        Assert.False(route.Matches("alchemiser.portfolio", "workflowfailed"));
    }

    [Fact]
    public void A_rule_with_two_targets_gives_one_route_per_target()
    {
        var routes = Parse(
            """
              Both:
                Type: AWS::Events::Rule
                Properties:
                  EventBusName: !Ref Bus
                  EventPattern: {detail-type: [X]}
                  Targets:
                    - {Id: w, Arn: !GetAtt Worker.Arn}
                    - {Id: a, Arn: !GetAtt Aggregator.Arn}
            """);

        Assert.Equal(["Worker", "Aggregator"], routes.Routes.Select(r => r.Consumer));
        Assert.All(routes.Routes, r => Assert.Equal("Both", r.RuleName));
        Assert.Equal(2, routes.Match("s", "X").Count);
    }

    [Fact]
    public void Schedules_and_disabled_rules_are_not_routes()
    {
        var routes = Parse(
            """
              Schedule:
                Type: AWS::Events::Rule
                Properties:
                  ScheduleExpression: cron(30 19 ? * MON-FRI *)
                  Targets:
                    - {Id: w, Arn: !GetAtt Worker.Arn}
              Disabled:
                Type: AWS::Events::Rule
                Properties:
                  State: DISABLED
                  EventBusName: !Ref Bus
                  EventPattern: {detail-type: [X]}
                  Targets:
                    - {Id: w, Arn: !GetAtt Worker.Arn}
            """);

        Assert.Empty(routes.Routes);
    }

    [Fact]
    public void A_queue_target_resolves_to_the_function_its_event_source_mapping_feeds()
    {
        var routes = Parse(
            """
              Queue:
                Type: AWS::SQS::Queue
              QueueMapping:
                Type: AWS::Lambda::EventSourceMapping
                Properties:
                  EventSourceArn: !GetAtt Queue.Arn
                  FunctionName: !Ref Aggregator
              ToQueue:
                Type: AWS::Events::Rule
                Properties:
                  EventBusName: !Ref Bus
                  EventPattern: {source: [alchemiser.portfolio], detail-type: [RebalancePlanned]}
                  Targets:
                    - {Id: q, Arn: !GetAtt Queue.Arn}
            """);

        var route = Assert.Single(routes.Routes);
        Assert.Equal("Aggregator", route.Consumer);
        Assert.Equal("Queue", route.Queue);
    }

    [Fact]
    public void A_queue_target_resolves_to_the_sam_function_with_an_sqs_event_on_it()
    {
        var routes = Parse(
            """
              ExecutionQueue:
                Type: AWS::SQS::Queue
              Execution:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: Alchemiser.Execution::Alchemiser.Execution.Function::HandleAsync
                  Events:
                    Plans:
                      Type: SQS
                      Properties:
                        Queue: !GetAtt ExecutionQueue.Arn
                        BatchSize: 1
              ToQueue:
                Type: AWS::Events::Rule
                Properties:
                  EventBusName: !Ref Bus
                  EventPattern: {detail-type: [RebalancePlanned]}
                  Targets:
                    - {Id: q, Arn: !GetAtt ExecutionQueue.Arn}
            """);

        var route = Assert.Single(routes.Routes);
        Assert.Equal("Execution", route.Consumer);
        Assert.Equal("ExecutionQueue", route.Queue);
        Assert.Contains("ExecutionQueue -> Execution", route.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_queue_nobody_reads_is_rejected()
    {
        var ex = Rejects(
            """
              Orphan:
                Type: AWS::SQS::Queue
              ToQueue:
                Type: AWS::Events::Rule
                Properties:
                  EventBusName: !Ref Bus
                  EventPattern: {detail-type: [X]}
                  Targets:
                    - {Id: q, Arn: !GetAtt Orphan.Arn}
            """);

        Assert.Contains("Orphan has no event-source mapping", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("detail: {status: [ok]}", "'detail' is not supported")]
    [InlineData("account: [\"123\"]", "'account' is not supported")]
    [InlineData("detail-type: [{suffix: Generated}]", "exact strings and {\"prefix\": ...} filters only")]
    [InlineData("detail-type: [{anything-but: X}]", "exact strings and {\"prefix\": ...} filters only")]
    [InlineData("detail-type: [{prefix: A, suffix: B}]", "exact strings and {\"prefix\": ...} filters only")]
    [InlineData("detail-type: [!Sub \"${Stage}X\"]", "exact strings and {\"prefix\": ...} filters only")]
    [InlineData("detail-type: [123]", "value 123 is not a string")]
    [InlineData("detail-type: X", "must be a non-empty array")]
    [InlineData("detail-type: []", "must be a non-empty array")]
    public void A_pattern_outside_the_supported_subset_is_rejected_naming_the_rule(string patternLine, string expected)
    {
        var ex = Rejects(
            $$"""
              Odd:
                Type: AWS::Events::Rule
                Properties:
                  EventBusName: !Ref Bus
                  EventPattern:
                    {{patternLine}}
                  Targets:
                    - {Id: w, Arn: !GetAtt Worker.Arn}
            """);

        Assert.Contains("rule Odd", ex.Message, StringComparison.Ordinal);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("'{\"detail-type\": [{\"suffix\": \"X\"}]}'", "filters only")]
    [InlineData("'{\"detail-type\": \"X\"}'", "must be a non-empty array")]
    [InlineData("'{\"detail\": {}}'", "'detail' is not supported")]
    [InlineData("'[1, 2]'", "must be an object")]
    [InlineData("'{not json'", "not JSON")]
    [InlineData("!Sub '{\"source\": [\"${Stage}\"]}'", "not an intrinsic function")]
    [InlineData("{}", "constrains neither source nor detail-type")]
    public void A_pattern_string_outside_the_supported_subset_is_rejected(string pattern, string expected)
    {
        var ex = Rejects(
            $$"""
              Odd:
                Type: AWS::Events::Rule
                Properties:
                  EventBusName: !Ref Bus
                  EventPattern: {{pattern}}
                  Targets:
                    - {Id: w, Arn: !GetAtt Worker.Arn}
            """);

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "no EventBusName")]
    [InlineData("EventBusName: alchemiser-dev", "EventBusName must be !Ref")]
    [InlineData("EventBusName: !Ref Worker", "EventBusName must be !Ref")]
    [InlineData("EventBusName: !Ref Missing", "EventBusName must be !Ref")]
    public void A_rule_that_is_not_on_a_bus_of_the_template_is_rejected(string busLine, string expected)
    {
        var ex = Rejects(
            $$"""
              OffBus:
                Type: AWS::Events::Rule
                Properties:
                  {{busLine}}
                  EventPattern: {detail-type: [X]}
                  Targets:
                    - {Id: w, Arn: !GetAtt Worker.Arn}
            """);

        Assert.Contains("rule OffBus", ex.Message, StringComparison.Ordinal);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("- {Id: t, Arn: !GetAtt Topic.Arn}", "Topic is a AWS::SNS::Topic")]
    [InlineData("- {Id: t, Arn: !GetAtt Nowhere.Arn}", "Nowhere is not a resource")]
    [InlineData("- {Id: t, Arn: !Ref Worker}", "must be !GetAtt <LogicalId>.Arn")]
    [InlineData("- {Id: t, Arn: \"arn:aws:lambda:us-east-1:1:function:x\"}", "must be !GetAtt <LogicalId>.Arn")]
    [InlineData("- {Id: t}", "needs an Arn")]
    [InlineData("[]", "no Targets")]
    public void A_target_that_is_not_a_function_or_a_consumed_queue_is_rejected(string targets, string expected)
    {
        var ex = Rejects(
            $$"""
              Topic:
                Type: AWS::SNS::Topic
              Bad:
                Type: AWS::Events::Rule
                Properties:
                  EventBusName: !Ref Bus
                  EventPattern: {detail-type: [X]}
                  Targets:
                    {{targets}}
            """);

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Resources: [\n  unclosed", "not a readable YAML template")]
    [InlineData("- a\n- b", "one YAML document holding a mapping")]
    [InlineData("AWSTemplateFormatVersion: \"2010-09-09\"", "no Resources mapping")]
    public void A_file_that_is_not_a_template_is_rejected(string text, string expected)
    {
        var ex = Assert.Throws<ConfigurationException>(() => TemplateRoutes.Parse(text, Source));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_logical_id_declared_twice_is_rejected()
    {
        var ex = Rejects(
            """
              Worker:
                Type: AWS::Serverless::Function
                Properties: {Handler: other}
            """);

        Assert.Contains("Worker", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_template_file_is_a_configuration_error_naming_the_path()
    {
        var path = Path.Combine(Path.GetTempPath(), "alchemiser-no-such-" + Guid.NewGuid().ToString("N"), "template.yaml");

        var ex = Assert.Throws<ConfigurationException>(() => TemplateRoutes.Load(path));

        Assert.StartsWith(path + ": ", ex.Message);
    }

    [Fact]
    public void Exact_values_compare_ordinally_and_prefixes_by_start()
    {
        Assert.True(EventPatternValue.Exact("a.b").Matches("a.b"));
        Assert.False(EventPatternValue.Exact("a.b").Matches("A.b"));
        Assert.False(EventPatternValue.Exact("a.b").Matches("a.bc"));
        Assert.True(EventPatternValue.Prefix("a.").Matches("a.bc"));
        Assert.False(EventPatternValue.Prefix("a.").Matches("ba.c"));
        Assert.Equal("{prefix: a.}", EventPatternValue.Prefix("a.").ToString());
    }
}
