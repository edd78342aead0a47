using Alchemiser.Core.Brokerage;

namespace Alchemiser.Alpaca.TestServer.Trading;

/// <summary>The broker's order statuses in Alpaca's words (components/schemas/OrderStatus).</summary>
internal static class OrderStatusText
{
    public static string Of(OrderStatus status) => status switch
    {
        OrderStatus.New => "new",
        OrderStatus.PartiallyFilled => "partially_filled",
        OrderStatus.Filled => "filled",
        OrderStatus.Canceled => "canceled",
        OrderStatus.Replaced => "replaced",
        OrderStatus.Rejected => "rejected",
        OrderStatus.Expired => "expired",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "unknown order status"),
    };
}
