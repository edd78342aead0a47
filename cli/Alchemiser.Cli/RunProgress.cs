using System.Diagnostics;
using System.Globalization;
using Alchemiser.Core.Events;
using Alchemiser.Core.Trading;
using Spectre.Console;

namespace Alchemiser.Cli;

/// <summary>
/// The progress display of <c>alchemiser run</c>: one line per stage of the workflow as its events are published
/// (strategies evaluated, signal, plan, execution, end of the run), with the time since the start. Events arrive from
/// several threads; lines are written one at a time.
/// </summary>
public sealed class RunProgress(IAnsiConsole ui)
{
    private readonly Lock _gate = new();
    private readonly Stopwatch _watch = Stopwatch.StartNew();
    private int _requested;
    private int _evaluated;

    /// <summary>Shows what <paramref name="envelope"/> says about the run's progress.</summary>
    public void On(EventEnvelope envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        lock (_gate)
        {
            switch (envelope.EventType)
            {
                case EventTypes.StrategyEvaluationRequested:
                    if (_requested++ == 0)
                    {
                        Line("…", "orchestrator: run started, evaluating the strategies");
                    }

                    break;
                case EventTypes.PartialSignalGenerated:
                    _evaluated++;
                    var partial = envelope.PayloadAs<PartialSignalGenerated>();
                    Line("✓", $"strategy {_evaluated}/{_requested}: {partial.StrategyId}");
                    break;
                case EventTypes.StrategyEvaluationFailed:
                    _evaluated++;
                    var failed = envelope.PayloadAs<StrategyEvaluationFailed>();
                    Line("✗", $"strategy {_evaluated}/{_requested}: {failed.StrategyId} failed ({failed.Category}): {failed.Reason}");
                    break;
                case EventTypes.SignalGenerated:
                    var signal = envelope.PayloadAs<SignalGenerated>();
                    Line("✓", $"signal: {signal.Portfolio.Count} symbols from {signal.ReceivedStrategies} of {signal.ExpectedStrategies} strategies");
                    break;
                case EventTypes.RebalancePlanned:
                    var plan = envelope.PayloadAs<RebalancePlanned>();
                    var blocked = plan.Trades.Count(t => t.Blocked);
                    Line("✓", $"plan: {plan.Trades.Count(t => t.Side == FillSides.Sell && !t.Blocked)} sells, {plan.Trades.Count(t => t.Side == FillSides.Buy && !t.Blocked)} buys"
                        + (blocked > 0 ? $", {blocked} blocked" : "") + " — executing (sells first, then buys)");
                    break;
                case EventTypes.TradeExecuted:
                    var executed = envelope.PayloadAs<TradeExecuted>();
                    Line(executed.OrdersFailed == 0 ? "✓" : "✗", $"execution: {executed.OrdersPlaced} orders placed, {executed.OrdersFilled} trades filled, {executed.OrdersFailed} failed");
                    break;
                case EventTypes.WorkflowCompleted:
                    var completed = envelope.PayloadAs<WorkflowCompleted>();
                    Line("✓", "run " + completed.Outcome + (completed.Reason is null ? "" : ": " + completed.Reason));
                    break;
                case EventTypes.WorkflowFailed:
                    var workflowFailed = envelope.PayloadAs<WorkflowFailed>();
                    Line("✗", $"run failed at {workflowFailed.FailedStep} ({workflowFailed.Category}): {workflowFailed.Reason}");
                    break;
            }
        }
    }

    private void Line(string mark, string text)
    {
        var colour = mark switch { "✓" => "green", "✗" => "red", _ => "grey" };
        ui.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"[{colour}]{mark}[/] [grey]{_watch.Elapsed.TotalSeconds,5:0.0}s[/] {Markup.Escape(text)}"));
    }
}
