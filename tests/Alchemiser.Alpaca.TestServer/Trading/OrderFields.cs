using Alchemiser.Alpaca.TestServer.Http;

namespace Alchemiser.Alpaca.TestServer.Trading;

/// <summary>Checks shared by the order bodies (POST and PATCH): Alpaca's limits and what the test server can simulate.</summary>
internal static class OrderFields
{
    /// <summary>Alpaca's limit on a client order id.</summary>
    public const int MaximumClientOrderIdLength = 128;

    /// <summary>Decimal places Alpaca takes in a quantity.</summary>
    public const int QuantityDecimals = 9;

    /// <summary>Refuses a time in force other than <c>day</c>: the simulator trades day orders only.</summary>
    public static void CheckTimeInForce(string? timeInForce, bool required)
    {
        switch (timeInForce)
        {
            case null when required:
                throw AlpacaErrorResponse.Unprocessable("time_in_force is required");
            case null or "day":
                return;
            case "gtc" or "opg" or "cls" or "ioc" or "fok":
                throw AlpacaErrorResponse.Unprocessable($"time_in_force \"{timeInForce}\" is not supported by the test server (day orders only)");
            default:
                throw AlpacaErrorResponse.Unprocessable($"invalid time_in_force \"{timeInForce}\"");
        }
    }

    /// <summary>A client order id of at most 128 characters, or null.</summary>
    public static string? ClientOrderId(JsonBody body)
    {
        var id = body.String("client_order_id");
        if (id is not null && id.Length > MaximumClientOrderIdLength)
        {
            throw AlpacaErrorResponse.Unprocessable($"client_order_id must be no more than {MaximumClientOrderIdLength} characters");
        }

        if (id is not null && string.IsNullOrWhiteSpace(id))
        {
            throw AlpacaErrorResponse.Unprocessable("client_order_id must not be blank");
        }

        return id;
    }

    /// <summary>A positive quantity with at most nine decimals, or null.</summary>
    public static decimal? Quantity(JsonBody body)
    {
        var qty = body.Decimal("qty");
        if (qty is { } value)
        {
            if (value <= 0m)
            {
                throw AlpacaErrorResponse.Unprocessable("qty must be > 0");
            }

            if (Math.Round(value, QuantityDecimals) != value)
            {
                throw AlpacaErrorResponse.Unprocessable($"qty must have no more than {QuantityDecimals} decimal places");
            }
        }

        return qty;
    }

    /// <summary>A positive limit price, or null (the tick size is the broker's check).</summary>
    public static decimal? LimitPrice(JsonBody body)
    {
        var price = body.Decimal("limit_price");
        if (price is <= 0m)
        {
            throw AlpacaErrorResponse.Unprocessable("limit_price must be > 0");
        }

        return price;
    }

    /// <summary>Refuses each of <paramref name="names"/> that is present: fields of the spec the simulator has nothing for.</summary>
    public static void RejectUnsupported(JsonBody body, params string[] names)
    {
        foreach (var name in names)
        {
            if (body.Has(name))
            {
                throw AlpacaErrorResponse.Unprocessable($"{name} is not supported by the test server (simple market and limit day orders only)");
            }
        }
    }
}
