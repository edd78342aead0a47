namespace Alchemiser.Alpaca.TestServer.Wire;

/// <summary>One element of DELETE /v2/orders' 207 body (components/schemas/CanceledOrderResponse): the order id and the HTTP status of its cancel.</summary>
internal sealed record CanceledOrderJson(string Id, int Status);
