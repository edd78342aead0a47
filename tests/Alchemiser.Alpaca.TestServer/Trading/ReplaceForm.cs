namespace Alchemiser.Alpaca.TestServer.Trading;

/// <summary>A PATCH /v2/orders/{order_id} body that passed validation; what is null keeps the old order's value (a client order id is generated).</summary>
internal sealed record ReplaceForm(decimal? Quantity, decimal? LimitPrice, string? ClientOrderId);
