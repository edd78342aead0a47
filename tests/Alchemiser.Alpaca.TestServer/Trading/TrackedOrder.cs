using Alchemiser.Core.Brokerage;

namespace Alchemiser.Alpaca.TestServer.Trading;

/// <summary>An order the server has seen, with what the broker port does not keep.</summary>
/// <param name="Sequence">1 for the first order the server saw, counting up.</param>
/// <param name="Latest">The order as last read from the broker; final once it is no longer open.</param>
/// <param name="Notional">The dollar amount when it was placed by <c>notional</c> (Alpaca then shows no <c>qty</c>).</param>
/// <param name="ReplacesBrokerOrderId">The broker id of the order it replaced, when placed by a PATCH.</param>
internal sealed record TrackedOrder(long Sequence, BrokerOrder Latest, decimal? Notional, string? ReplacesBrokerOrderId);
