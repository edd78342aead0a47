using Alchemiser.Alpaca.TestServer.Wire;
using Alchemiser.Core.Brokerage;

namespace Alchemiser.Alpaca.TestServer.Trading;

/// <summary>A broker order as Alpaca shows a simple US-equity day order.</summary>
internal static class OrderRendering
{
    public static OrderJson ToJson(TrackedOrder tracked, AlpacaIds ids)
    {
        var order = tracked.Latest;
        var type = order.Type == OrderType.Limit ? "limit" : "market";
        string? At(OrderStatus status) => order.Status == status ? WireText.Utc(order.UpdatedAt) : null;
        return new OrderJson
        {
            Id = ids.OrderId(order.Id),
            ClientOrderId = order.ClientOrderId,
            CreatedAt = WireText.Utc(order.SubmittedAt),
            UpdatedAt = WireText.Utc(order.UpdatedAt),
            SubmittedAt = WireText.Utc(order.SubmittedAt),
            FilledAt = WireText.Utc(order.FilledAt),
            ExpiredAt = At(OrderStatus.Expired),
            CanceledAt = At(OrderStatus.Canceled),
            FailedAt = At(OrderStatus.Rejected),
            ReplacedAt = At(OrderStatus.Replaced),
            ReplacedBy = order.ReplacedBy is { } replacedBy ? ids.OrderId(replacedBy) : null,
            Replaces = tracked.ReplacesBrokerOrderId is { } replaces ? ids.OrderId(replaces) : null,
            AssetId = ids.AssetId(order.Symbol),
            Symbol = order.Symbol,
            AssetClass = "us_equity",
            Notional = WireText.Decimal(tracked.Notional),
            Qty = tracked.Notional is null ? WireText.Decimal(order.Quantity) : null,
            FilledQty = WireText.Decimal(order.FilledQuantity),
            FilledAvgPrice = WireText.Decimal(order.FilledAveragePrice),
            OrderClass = string.Empty,
            OrderType = type,
            Type = type,
            Side = order.Side == OrderSide.Buy ? "buy" : "sell",
            PositionIntent = order.Side == OrderSide.Buy ? "buy_to_open" : "sell_to_close",
            TimeInForce = "day",
            LimitPrice = WireText.Decimal(order.LimitPrice),
            StopPrice = null,
            Status = OrderStatusText.Of(order.Status),
            ExtendedHours = false,
            Legs = null,
            TrailPercent = null,
            TrailPrice = null,
            Hwm = null,
        };
    }
}
