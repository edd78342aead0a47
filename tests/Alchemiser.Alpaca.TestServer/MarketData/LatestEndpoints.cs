using Alchemiser.Alpaca.TestServer.Http;
using Alchemiser.Alpaca.TestServer.Wire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Alchemiser.Alpaca.TestServer.MarketData;

/// <summary>
/// GET /v2/stocks/quotes/latest and /v2/stocks/trades/latest (StockLatestQuotes, StockLatestTrades) from the
/// broker's quotes and last trades; symbols it does not know are left out. The broker port has no exchanges, tapes,
/// conditions, trade sizes or trade ids, so quotes and trades show IEX (<c>V</c>), tape <c>B</c>, condition
/// <c>R</c> (quotes) / <c>@</c> (trades), a round lot of 100 and the trade time's ticks as its id; sizes are whole shares.
/// </summary>
internal sealed class LatestEndpoints(ServerState state)
{
    private const string Exchange = "V";
    private const string Tape = "B";
    private const long RoundLot = 100;

    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/v2/stocks/quotes/latest", new RequestDelegate(QuotesAsync));
        routes.MapGet("/v2/stocks/trades/latest", new RequestDelegate(TradesAsync));
    }

    private async Task QuotesAsync(HttpContext context)
    {
        var symbols = Read(context);
        var quotes = await state.Broker.GetLatestQuotesAsync(symbols, state.Stopping);
        var json = new Dictionary<string, QuoteJson>(StringComparer.Ordinal);
        foreach (var symbol in symbols.Order(StringComparer.Ordinal))
        {
            if (quotes.TryGetValue(symbol, out var q))
            {
                json[symbol] = new QuoteJson(
                    WireText.Utc(q.Timestamp), Exchange, q.Bid, (long)decimal.Truncate(q.BidSize), Exchange, q.Ask, (long)decimal.Truncate(q.AskSize), ["R"], Tape);
            }
        }

        await ResponseWriter.OkAsync(context, new LatestQuotesJson(json), AlpacaJsonContext.Default.LatestQuotesJson);
    }

    private async Task TradesAsync(HttpContext context)
    {
        var symbols = Read(context);
        var prices = await state.Broker.GetLatestPricesAsync(symbols, state.Stopping);
        var json = new Dictionary<string, TradeJson>(StringComparer.Ordinal);
        foreach (var symbol in symbols.Order(StringComparer.Ordinal))
        {
            if (prices.TryGetValue(symbol, out var p))
            {
                json[symbol] = new TradeJson(WireText.Utc(p.Timestamp), Exchange, p.Price, RoundLot, ["@"], (ulong)p.Timestamp.UtcTicks, Tape);
            }
        }

        await ResponseWriter.OkAsync(context, new LatestTradesJson(json), AlpacaJsonContext.Default.LatestTradesJson);
    }

    /// <summary>The symbols asked for, after checking <c>feed</c> and <c>currency</c>.</summary>
    private static IReadOnlyList<string> Read(HttpContext context)
    {
        var query = QueryReader.Data(context.Request);
        var symbols = DataQueries.Symbols(query);
        query.OneOf("feed", "delayed_sip", "iex", "otc", "sip", "boats", "overnight");
        DataQueries.CheckCurrency(query);
        return symbols;
    }
}
