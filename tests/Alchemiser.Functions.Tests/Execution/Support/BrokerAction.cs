using Alchemiser.Core.Brokerage;

namespace Alchemiser.Functions.Tests.Execution.Support;

/// <summary>One order action the scripted broker accepted: <c>submit</c>, <c>replace</c> or <c>cancel</c>, and when.</summary>
public sealed record BrokerAction(DateTimeOffset At, string Kind, string ClientOrderId, string Symbol, OrderSide Side, decimal Quantity, decimal? LimitPrice);
