using Alchemiser.Alpaca.TestServer.Http;

namespace Alchemiser.Alpaca.TestServer.Trading;

/// <summary>
/// Reads a PATCH /v2/orders/{order_id} body (components/schemas/PatchOrderRequest) for what the simulator replaces:
/// a limit day order's quantity — whole shares only, as the spec says — limit price and client order id.
/// </summary>
internal static class ReplaceFormReader
{
    private static readonly IReadOnlySet<string> Known = new HashSet<string>(StringComparer.Ordinal)
    {
        "qty", "notional", "time_in_force", "limit_price", "stop_price", "trail", "client_order_id", "advanced_instructions",
    };

    public static ReplaceForm Read(string text)
    {
        var body = JsonBody.Parse(text);
        body.RejectUnknown(Known);
        if (body.Has("notional"))
        {
            throw AlpacaErrorResponse.Unprocessable("notional can only be replaced on IPO orders");
        }

        OrderFields.RejectUnsupported(body, "stop_price", "trail", "advanced_instructions");
        OrderFields.CheckTimeInForce(body.String("time_in_force"), required: false);
        var quantity = OrderFields.Quantity(body);
        if (quantity is { } qty && qty != decimal.Truncate(qty))
        {
            throw AlpacaErrorResponse.Unprocessable("qty must be a whole number of shares: only full shares can be replaced");
        }

        return new ReplaceForm(quantity, OrderFields.LimitPrice(body), OrderFields.ClientOrderId(body));
    }
}
