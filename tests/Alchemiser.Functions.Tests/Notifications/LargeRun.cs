using Alchemiser.Core.Events;
using System.Globalization;

namespace Alchemiser.Functions.Tests.Notifications;

/// <summary>A run with thousands of symbols, trades and fills, to push the e-mail past the SNS limit.</summary>
internal static class LargeRun
{
    public static IReadOnlyList<EventEnvelope> Events(int symbols)
    {
        var names = Enumerable.Range(0, symbols).Select(i => "SYM" + i.ToString("D5", CultureInfo.InvariantCulture)).ToList();
        var weight = 1m / symbols;
        var portfolio = names.ToDictionary(n => n, _ => weight, StringComparer.Ordinal);
        var signal = new SignalGenerated(
            "dev:2025-06-30", new DateOnly(2025, 6, 30), 1, 1, "proceed", [], false, portfolio,
            [new StrategyContributionSummary("wide", 1m, 1m, portfolio)]);
        var plan = new RebalancePlanned(
            "dev:2025-06-30", new DateOnly(2025, 6, 30), 1_000_000m, 1_000_000m,
            [.. names.Select(n => new PlannedTrade(n, "buy", 10m, 1_000m, false, null, [new StrategyShare("wide", 1m)]))],
            [.. names.Select(n => new AllocationComparison(n, weight, 0m, 1_000m))]);
        var executed = new TradeExecuted(
            "dev:2025-06-30", new DateOnly(2025, 6, 30), symbols, symbols, 0,
            [.. names.Select(n => new ExecutedFill(n, "buy", 10m, 100.01m, $"alc-large-{n}-buy-1", $"order-{n}", 1.5m))],
            [],
            1_000_000m,
            999_990m);
        return
        [
            SampleEvents.Envelope(signal),
            SampleEvents.Envelope(plan),
            SampleEvents.Envelope(executed),
            SampleEvents.Envelope(new WorkflowCompleted(new DateOnly(2025, 6, 30), "completed", null, "dev:2025-06-30")),
        ];
    }
}
