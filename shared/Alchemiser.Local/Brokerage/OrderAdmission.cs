using System.Globalization;
using Alchemiser.Core.Brokerage;

namespace Alchemiser.Local.Brokerage;

/// <summary>
/// The paper broker's pre-trade checks, in the order it makes them: the request's shape, the client order id, the
/// asset, fractions, market hours, then money (buying power for a buy, unpromised shares for a sell). A failed check
/// throws <see cref="OrderRejectedException"/> with the reason and a message in the broker's words; nothing changes.
/// </summary>
internal static class OrderAdmission
{
    /// <summary>Alpaca's limit on a client order id.</summary>
    public const int MaximumClientOrderIdLength = 128;

    /// <summary>Refuses a malformed request (<see cref="RejectionReason.Invalid"/>).</summary>
    public static void CheckShape(OrderRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.ClientOrderId))
        {
            throw Invalid("client order id is required");
        }

        if (request.ClientOrderId.Length > MaximumClientOrderIdLength)
        {
            throw Invalid(Text($"client order id must be at most {MaximumClientOrderIdLength} characters, '{request.ClientOrderId}' has {request.ClientOrderId.Length}"));
        }

        if (string.IsNullOrWhiteSpace(request.Symbol))
        {
            throw Invalid("symbol is required");
        }

        if (!Enum.IsDefined(request.Side) || !Enum.IsDefined(request.Type))
        {
            throw Invalid(Text($"unknown order side {(int)request.Side} or type {(int)request.Type}"));
        }

        if (request.Quantity <= 0m)
        {
            throw Invalid(Text($"qty must be > 0, got {request.Quantity} for {request.Symbol}"));
        }

        switch (request.Type, request.LimitPrice)
        {
            case (OrderType.Limit, null):
                throw Invalid(Text($"a limit order needs a limit price ({request.Symbol})"));
            case (OrderType.Limit, <= 0m):
                throw Invalid(Text($"limit price must be > 0, got {request.LimitPrice} for {request.Symbol}"));
            case (OrderType.Limit, { } limit) when !PriceTicks.IsOnTick(limit):
                throw Invalid(Text(
                    $"sub-penny increment does not fulfill minimum pricing criteria: limit price {limit} for {request.Symbol} (whole cents at or above $1, $0.0001 below)"));
            case (OrderType.Market, not null):
                throw Invalid(Text($"a market order takes no limit price ({request.Symbol})"));
        }
    }

    /// <summary>
    /// Checks a well-shaped request against the account and the market at <paramref name="now"/>; returns the price per
    /// share a buy holds against buying power (null for a sell) and the close at which the day order expires.
    /// </summary>
    /// <param name="clientOrderIdUsed">Some order of the account already has the request's client order id.</param>
    /// <param name="asset">What the broker says about the symbol; null when it does not know it.</param>
    /// <param name="replacing">The order being replaced, whose reservation is released for the check.</param>
    public static (decimal? ReservePrice, DateTimeOffset ExpiresAt) Admit(
        OrderRequest request, bool clientOrderIdUsed, AssetInfo? asset, IMarketModel market, PaperBook book, PaperOrder? replacing, DateTimeOffset now)
    {
        if (clientOrderIdUsed)
        {
            throw new OrderRejectedException(
                RejectionReason.DuplicateClientOrderId,
                $"client order id '{request.ClientOrderId}' is already in use",
                "Look the existing order up by its client order id instead of placing it again.");
        }

        if (asset is null || !asset.Tradable)
        {
            throw new OrderRejectedException(
                RejectionReason.UnknownAsset,
                asset is null ? $"asset '{request.Symbol}' is not known to the broker" : $"asset '{request.Symbol}' is not tradable",
                "Check the symbol; drop it from the plan if the broker does not trade it.");
        }

        if (!asset.Fractionable && request.Quantity != decimal.Truncate(request.Quantity))
        {
            throw new OrderRejectedException(
                RejectionReason.NotFractionable,
                Text($"fractional qty {request.Quantity} of {request.Symbol}: the asset trades in whole shares only"),
                "Round the quantity down to whole shares.");
        }

        if (NyseSessions.Containing(now) is not { } session)
        {
            throw new OrderRejectedException(
                RejectionReason.MarketClosed,
                Text($"the market is closed at {now:yyyy-MM-dd HH:mm:ss}Z: orders are taken from 09:30 to 16:00 New York (13:00 on early closes) on trading days"),
                "Submit during regular market hours.");
        }

        if (request.Side == OrderSide.Sell)
        {
            var sellable = book.SellableQuantity(request.Symbol, replacing);
            if (request.Quantity > sellable)
            {
                throw new OrderRejectedException(
                    RejectionReason.InsufficientBuyingPower,
                    Text($"insufficient qty available for order (requested: {request.Quantity}, available: {sellable}) of {request.Symbol}"),
                    "Sell no more than is held less what open sell orders already offer.");
            }

            return (null, session.Closes);
        }

        var price = request.LimitPrice ?? MarketBuyPrice(request.Symbol, market, now);
        var cost = price * request.Quantity;
        var buyingPower = book.BuyingPower(replacing);
        if (cost > buyingPower)
        {
            throw new OrderRejectedException(
                RejectionReason.InsufficientBuyingPower,
                Text($"insufficient buying power: {request.Quantity} {request.Symbol} at {price} costs {cost}, buying power is {buyingPower}"),
                "Buy less, or wait for sells and open buys to settle.");
        }

        return (price, session.Closes);
    }

    /// <summary>What a market buy is valued at when placed: the ask, or the last trade when the quote is not two-sided.</summary>
    private static decimal MarketBuyPrice(string symbol, IMarketModel market, DateTimeOffset now)
    {
        if (market.QuoteAt(symbol, now) is { IsTwoSided: true } quote)
        {
            return quote.Ask;
        }

        return market.LastTradeAt(symbol, now)?.Price
            ?? throw Invalid($"no quote or trade for {symbol} to value a market buy against buying power");
    }

    private static OrderRejectedException Invalid(string message) =>
        new(RejectionReason.Invalid, message, "Fix the order: a positive quantity, and a positive limit price on the tick for a limit order only.");

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
