using System.Text.Json.Serialization.Metadata;
using Alchemiser.Core.Json;

namespace Alchemiser.Core.Events;

/// <summary>
/// Execution → notifications: what was placed, filled and failed, with each fill's price against the arrival mid, and
/// the account's equity before and after: <see cref="EquityBefore"/> is the equity the plan was sized on (so a
/// redelivery publishes the same value), <see cref="EquityAfter"/> the broker's equity once the last order is final.
/// </summary>
public sealed record TradeExecuted(
    string SessionId,
    DateOnly TradingDate,
    int OrdersPlaced,
    int OrdersFilled,
    int OrdersFailed,
    IReadOnlyList<ExecutedFill> Fills,
    IReadOnlyList<OrderFailure> FailedOrders,
    decimal EquityBefore,
    decimal EquityAfter) : IEventPayload<TradeExecuted>
{
    public static string EventType => EventTypes.TradeExecuted;

    public static JsonTypeInfo<TradeExecuted> JsonTypeInfo => CoreJsonContext.Default.TradeExecuted;
}
