using Alchemiser.Core.Hosting;
using Alchemiser.Core.Events;
using Alchemiser.Local.Hosting;

namespace Alchemiser.Local.Tests.Hosting;

/// <summary>
/// The repository's template.yaml against the event flow of ARCHITECTURE.md §2: every event, published by a module
/// that produces it, reaches exactly the functions that consume it, and nothing else.
/// </summary>
public sealed class TemplateRoutingTests
{
    private static readonly string[] SixFunctions =
        ["StrategyOrchestrator", "StrategyWorker", "SignalAggregator", "Portfolio", "Execution", "Notifications"];

    private static readonly string[] AllModules = [.. EventSources.Modules];

    /// <summary>
    /// ARCHITECTURE.md §2: event type, the modules it is accepted from, the functions that must receive it. The pipeline
    /// events are accepted only from their producer; trades and run outcomes go to notifications from any module
    /// (execution publishes them today, and any step may end a run with WorkflowFailed). Notifications also receives
    /// every other workflow event, from any module: it keeps a run's events to build its report.
    /// </summary>
    private static readonly (string EventType, string[] Producers, string[] Consumers)[] EventFlow =
    [
        (EventTypes.StrategyEvaluationRequested, [EventSources.StrategyOrchestrator], ["StrategyWorker", "Notifications"]),
        (EventTypes.PartialSignalGenerated, [EventSources.StrategyWorker], ["SignalAggregator", "Notifications"]),
        (EventTypes.StrategyEvaluationFailed, [EventSources.StrategyWorker], ["SignalAggregator", "Notifications"]),
        (EventTypes.SignalGenerated, [EventSources.SignalAggregator], ["Portfolio", "Notifications"]),
        (EventTypes.RebalancePlanned, [EventSources.Portfolio], ["Execution", "Notifications"]),
        (EventTypes.TradeExecuted, AllModules, ["Notifications"]),
        (EventTypes.WorkflowCompleted, AllModules, ["Notifications"]),
        (EventTypes.WorkflowFailed, AllModules, ["Notifications"]),
    ];

    private static TemplateRoutes Template { get; } = TemplateRoutes.Load(Path.Combine(RepositoryPaths.Root, TemplateRoutes.FileName));

    public static TheoryData<string, string, string> PublishedEvents()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (eventType, producers, consumers) in EventFlow)
        {
            foreach (var producer in producers)
            {
                data.Add(eventType, producer, string.Join(",", consumers));
            }
        }

        return data;
    }

    [Fact]
    public void The_event_flow_table_covers_every_event_type_once()
    {
        Assert.Equal(EventTypes.All.Order(StringComparer.Ordinal), EventFlow.Select(e => e.EventType).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(PublishedEvents))]
    public void An_event_published_by_its_producer_reaches_exactly_its_consumers(string eventType, string producer, string consumers)
    {
        var reached = Template.Match(EventSources.For(producer), eventType).Select(r => r.Consumer).Order(StringComparer.Ordinal);

        Assert.Equal(consumers.Split(',').Order(StringComparer.Ordinal), reached);
    }

    [Fact]
    public void A_pipeline_event_from_a_module_that_does_not_produce_it_reaches_only_the_notifications_archive()
    {
        foreach (var (eventType, producers, _) in EventFlow)
        {
            foreach (var module in AllModules.Except(producers))
            {
                var reached = Template.Match(EventSources.For(module), eventType).Select(r => r.Consumer).ToList();
                Assert.True(reached.SequenceEqual(["Notifications"]), $"{eventType} from {module} is routed to {string.Join(", ", reached)}");
            }
        }
    }

    [Fact]
    public void An_event_from_outside_alchemiser_reaches_nobody()
    {
        foreach (var eventType in EventTypes.All)
        {
            Assert.Empty(Template.Match("aws.events", eventType));
            Assert.Empty(Template.Match("alchemiser", eventType));
        }
    }

    [Fact]
    public void Every_rule_targets_one_of_the_six_functions()
    {
        Assert.NotEmpty(Template.Routes);
        Assert.All(Template.Routes, route => Assert.Contains(route.Consumer, SixFunctions));
    }

    [Fact]
    public void There_is_one_rule_per_route_and_no_rule_has_two_targets()
    {
        Assert.Equal(Template.Routes.Count, Template.Routes.Select(r => r.RuleName).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void The_template_declares_the_six_functions_with_their_handlers()
    {
        Assert.Equal(SixFunctions.Order(StringComparer.Ordinal), Template.Functions.Select(f => f.LogicalId).Order(StringComparer.Ordinal));
        Assert.All(Template.Functions, f => Assert.Equal($"Alchemiser.{f.LogicalId}::Alchemiser.{f.LogicalId}.Function::HandleAsync", f.Handler));
    }

    [Fact]
    public void Rebalance_plans_reach_execution_through_the_execution_queue()
    {
        var route = Assert.Single(Template.Match(EventSources.For(EventSources.Portfolio), EventTypes.RebalancePlanned), r => r.Consumer == "Execution");

        Assert.Equal("ExecutionQueue", route.Queue);
    }

    [Fact]
    public void Every_function_except_the_scheduled_orchestrator_consumes_some_rule()
    {
        var consumers = Template.Routes.Select(r => r.Consumer).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);

        Assert.Equal(SixFunctions.Where(f => f != "StrategyOrchestrator").Order(StringComparer.Ordinal), consumers);
    }
}
