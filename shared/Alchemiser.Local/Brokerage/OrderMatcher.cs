using System.Globalization;
using Alchemiser.Core.Brokerage;

namespace Alchemiser.Local.Brokerage;

/// <summary>
/// Brings a paper book up to an instant. Open orders meet the market at every tick of a fixed UTC grid (whole
/// multiples of the tick interval) after the last matched instant, in order of arrival, and only once they have
/// reached the market (submitted + latency); a day order still open at its session's close expires at the close,
/// before any tick at that instant. Because ticks sit on a grid, the outcome does not depend on when anyone asks.
/// </summary>
/// <remarks>
/// At a tick a limit buy whose limit is at or above the ask fills at the ask, a limit sell whose limit is at or below
/// the bid fills at the bid (the price the market offers, never worse than the limit), each for at most what is
/// displayed: orders on one side of one symbol share that tick's displayed size, first come first served. A market
/// order fills completely at the ask (buy) or bid (sell), or at the last trade when the quote is not two-sided; with
/// no price at all it waits for the next tick.
/// </remarks>
internal static class OrderMatcher
{
    public static void CatchUp(PaperBook book, IMarketModel market, TimeSpan latency, TimeSpan tickInterval, DateTimeOffset now)
    {
        if (now <= book.MatchedThrough)
        {
            return;
        }

        var cursor = book.MatchedThrough;
        while (book.OpenOrders.Count > 0)
        {
            var expiry = book.OpenOrders.Min(o => o.ExpiresAt);
            var firstReady = book.OpenOrders.Min(o => o.SubmittedAt + latency);
            var tick = Max(GridAfter(cursor, tickInterval), GridAtOrAfter(firstReady, tickInterval));
            if (expiry <= tick && expiry <= now)
            {
                ExpireAt(book, expiry);
                cursor = Max(cursor, expiry);
                continue;
            }

            if (tick > now)
            {
                break;
            }

            MatchAt(book, market, tick, latency);
            cursor = tick;
        }

        book.MatchedThrough = now;
    }

    private static void MatchAt(PaperBook book, IMarketModel market, DateTimeOffset tick, TimeSpan latency)
    {
        var quotes = new Dictionary<string, Quote?>(StringComparer.Ordinal);
        var displayedLeft = new Dictionary<(string Symbol, OrderSide Side), decimal>();
        foreach (var order in book.OpenOrders.ToArray())
        {
            if (order.SubmittedAt + latency > tick)
            {
                continue;
            }

            if (!quotes.TryGetValue(order.Symbol, out var quote))
            {
                quotes[order.Symbol] = quote = market.QuoteAt(order.Symbol, tick);
            }

            var buy = order.Side == OrderSide.Buy;
            if (order.Type == OrderType.Market)
            {
                var price = quote is { IsTwoSided: true } ? (buy ? quote.Ask : quote.Bid) : market.LastTradeAt(order.Symbol, tick)?.Price;
                if (price > 0m)
                {
                    book.Execute(order, order.RemainingQuantity, price.Value, tick);
                }

                continue;
            }

            if (quote is null)
            {
                continue;
            }

            var (offered, size) = buy ? (quote.Ask, quote.AskSize) : (quote.Bid, quote.BidSize);
            var limit = order.LimitPrice!.Value;
            if (offered <= 0m || (buy ? offered > limit : offered < limit))
            {
                continue;
            }

            var key = (order.Symbol, order.Side);
            var available = displayedLeft.TryGetValue(key, out var left) ? left : size;
            var quantity = Math.Min(order.RemainingQuantity, available);
            if (quantity <= 0m)
            {
                continue;
            }

            book.Execute(order, quantity, offered, tick);
            displayedLeft[key] = available - quantity;
        }
    }

    private static void ExpireAt(PaperBook book, DateTimeOffset close)
    {
        foreach (var order in book.OpenOrders.Where(o => o.ExpiresAt <= close).ToArray())
        {
            book.Finish(order, OrderStatus.Expired, close, string.Create(
                CultureInfo.InvariantCulture,
                $"day order expired at the market close with {order.RemainingQuantity} of {order.Quantity} unfilled"));
        }
    }

    private static DateTimeOffset GridAfter(DateTimeOffset instant, TimeSpan interval) =>
        new(((instant.UtcTicks / interval.Ticks) + 1) * interval.Ticks, TimeSpan.Zero);

    private static DateTimeOffset GridAtOrAfter(DateTimeOffset instant, TimeSpan interval)
    {
        var ticks = instant.UtcTicks;
        var remainder = ticks % interval.Ticks;
        return new DateTimeOffset(remainder == 0 ? ticks : ticks - remainder + interval.Ticks, TimeSpan.Zero);
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a >= b ? a : b;
}
