namespace Alchemiser.Alpaca.Wire;

// The Trading API v2 shapes the client reads and writes (trading-api.json). Alpaca sends money and quantities as
// strings ("qty": "10"); they stay strings here and are parsed with the invariant culture by AlpacaWireFormat.
// Fields the client does not use are left out and ignored on reading.

/// <summary><c>GET /v2/account</c> (schema <c>Account</c>).</summary>
internal sealed class AccountJson
{
    public string? Id { get; init; }

    public string? Status { get; init; }

    public string? Cash { get; init; }

    public string? Equity { get; init; }

    public string? BuyingPower { get; init; }
}

/// <summary>One item of <c>GET /v2/positions</c> (schema <c>Position</c>).</summary>
internal sealed class PositionJson
{
    public string? Symbol { get; init; }

    public string? Qty { get; init; }

    public string? AvgEntryPrice { get; init; }

    public string? CurrentPrice { get; init; }

    public string? MarketValue { get; init; }
}

/// <summary>An order as Alpaca returns it (schema <c>Order</c>).</summary>
internal sealed class OrderJson
{
    public string? Id { get; init; }

    public string? ClientOrderId { get; init; }

    public string? Symbol { get; init; }

    public string? Qty { get; init; }

    public string? Notional { get; init; }

    public string? FilledQty { get; init; }

    public string? FilledAvgPrice { get; init; }

    public string? Type { get; init; }

    public string? Side { get; init; }

    public string? LimitPrice { get; init; }

    public string? Status { get; init; }

    public string? CreatedAt { get; init; }

    public string? UpdatedAt { get; init; }

    public string? SubmittedAt { get; init; }

    public string? FilledAt { get; init; }

    public string? ReplacedBy { get; init; }
}

/// <summary>The body of <c>POST /v2/orders</c>: exactly one of <see cref="Qty"/> and <see cref="Notional"/>.</summary>
internal sealed class NewOrderJson
{
    public required string Symbol { get; init; }

    public string? Qty { get; init; }

    public string? Notional { get; init; }

    public required string Side { get; init; }

    public required string Type { get; init; }

    public required string TimeInForce { get; init; }

    public string? LimitPrice { get; init; }

    public required string ClientOrderId { get; init; }
}

/// <summary>The body of <c>PATCH /v2/orders/{order_id}</c> (schema <c>PatchOrderRequest</c>).</summary>
internal sealed class ReplaceOrderJson
{
    public required string Qty { get; init; }

    public required string TimeInForce { get; init; }

    public required string LimitPrice { get; init; }

    public required string ClientOrderId { get; init; }
}

/// <summary>One item of <c>DELETE /v2/orders</c> (schema <c>CanceledOrderResponse</c>).</summary>
internal sealed class CanceledOrderJson
{
    public string? Id { get; init; }

    public int Status { get; init; }
}

/// <summary><c>GET /v2/clock</c> (schema <c>legacy_clock</c>).</summary>
internal sealed class ClockJson
{
    public string? Timestamp { get; init; }

    public bool IsOpen { get; init; }

    public string? NextOpen { get; init; }

    public string? NextClose { get; init; }
}

/// <summary>One item of <c>GET /v2/calendar</c> (schema <c>legacy_calendar_day</c>): a date and its New York open and close, <c>HH:MM</c>.</summary>
internal sealed class CalendarDayJson
{
    public string? Date { get; init; }

    public string? Open { get; init; }

    public string? Close { get; init; }
}

/// <summary><c>GET /v2/assets/{symbol_or_asset_id}</c> (schema <c>Assets</c>).</summary>
internal sealed class AssetJson
{
    public string? Symbol { get; init; }

    public string? Status { get; init; }

    public bool Tradable { get; init; }

    public bool Fractionable { get; init; }
}
