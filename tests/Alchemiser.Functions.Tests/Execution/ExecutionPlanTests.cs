using Alchemiser.Core.Errors;
using Alchemiser.Core.Events;
using Alchemiser.Execution;
using Alchemiser.Functions.Tests.Execution.Support;
using static Alchemiser.Functions.Tests.Execution.Support.ExecutionScenario;

namespace Alchemiser.Functions.Tests.Execution;

/// <summary>A plan that breaks the contract is refused as a data error before any order is placed.</summary>
public sealed class ExecutionPlanTests
{
    private readonly ExecutionScenario _run = new();

    public static TheoryData<string, PlannedTrade[]> Broken => new()
    {
        { "the hold of URA has side 'hold'", [Buy("URA", 10m) with { Side = "hold" }] },
        { "the buy of URA has quantity 0", [Buy("URA", 0m)] },
        { "the buy of URA is attributed to no strategy", [Buy("URA", 10m) with { Attribution = [] }] },
        { "the buy of URA has attribution shares that sum to zero", [Buy("URA", 10m, 100m, new StrategyShare("klm", 0m))] },
        { "the buy of URA appears twice", [Buy("URA", 10m), Buy("URA", 5m)] },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public async Task A_broken_line_refuses_the_whole_plan_as_a_data_error_and_places_nothing(string problem, PlannedTrade[] trades)
    {
        _run.Quote("URA", 36.00m, 36.20m);
        _run.Quote("SPY", 617.70m, 617.90m);
        _run.Broker.Hold("SPY", 6m);

        var error = await Assert.ThrowsAsync<InvalidPlanException>(() => _run.RunAsync(_run.Plan([Sell("SPY", 6m), .. trades])));

        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.Equal(ErrorCategory.Data, error.Category);
        Assert.Empty(_run.Broker.Orders);
        Assert.Empty(_run.Events.Published);
    }

    [Fact]
    public void A_correlation_id_too_long_for_the_brokers_client_order_ids_refuses_the_plan()
    {
        var plan = _run.Plan(Buy("URA", 10m)) with { CorrelationId = new string('c', 120) };

        var error = Assert.Throws<InvalidPlanException>(() => ExecutionPlan.From(plan, 3));

        Assert.Contains("the broker accepts at most 128", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_event_that_is_not_a_plan_is_refused()
    {
        var completed = EventEnvelope.Create(new WorkflowCompleted(TradingDate, "completed", null, null), "x", CorrelationId, null, _run.Clock.UtcNow, "portfolio", "test");

        Assert.Throws<InvalidPlanException>(() => ExecutionPlan.From(completed, 3));
    }

    [Fact]
    public void Blocked_lines_are_left_out_and_the_rest_split_into_sells_and_buys_in_plan_order()
    {
        var plan = ExecutionPlan.From(_run.Plan(Buy("URA", 10m), Sell("SPY", 6m), Blocked("XLE", "buy", 1m, "kill switch"), Buy("CCJ", 2m), Sell("TECL", 1m)), 3);

        Assert.Equal(["SPY", "TECL"], plan.Sells.Select(s => s.Symbol));
        Assert.Equal(["URA", "CCJ"], plan.Buys.Select(b => b.Symbol));
        Assert.Equal((CorrelationId, PlanEventId), (plan.CorrelationId, plan.EventId));
    }
}
