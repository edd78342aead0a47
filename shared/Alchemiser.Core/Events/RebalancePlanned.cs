using System.Text.Json.Serialization.Metadata;
using Alchemiser.Core.Json;

namespace Alchemiser.Core.Events;

/// <summary>Portfolio → execution: the trades that move the account to the target, sells before buys, with blocked trades and their reasons.</summary>
public sealed record RebalancePlanned(
    string SessionId,
    DateOnly TradingDate,
    decimal Equity,
    decimal DeployableCapital,
    IReadOnlyList<PlannedTrade> Trades,
    IReadOnlyList<AllocationComparison> Comparison) : IEventPayload<RebalancePlanned>
{
    public static string EventType => EventTypes.RebalancePlanned;

    public static JsonTypeInfo<RebalancePlanned> JsonTypeInfo => CoreJsonContext.Default.RebalancePlanned;
}
