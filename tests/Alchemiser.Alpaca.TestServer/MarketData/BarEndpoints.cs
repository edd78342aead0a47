using Alchemiser.Alpaca.TestServer.Http;
using Alchemiser.Alpaca.TestServer.Wire;
using Alchemiser.Core.Time;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Alchemiser.Alpaca.TestServer.MarketData;

/// <summary>
/// GET /v2/stocks/bars (StockBars) from the bar store, paged by <see cref="BarPager"/>. <c>start</c> and <c>end</c>
/// are RFC-3339 or dates (a date as <c>start</c> is the start of that New York day, as <c>end</c> its end; both
/// included); they default to the start of today and now. A page holds at most <c>limit</c> (default 1000, at most
/// 10,000) bars and never more than the server's page size.
/// </summary>
internal sealed class BarEndpoints(ServerState state)
{
    private const int DefaultLimit = 1000;
    private const int MaximumLimit = 10_000;

    public void Map(IEndpointRouteBuilder routes) => routes.MapGet("/v2/stocks/bars", new RequestDelegate(BarsAsync));

    private async Task BarsAsync(HttpContext context)
    {
        var query = QueryReader.Data(context.Request);
        var symbols = DataQueries.Symbols(query);
        DataQueries.CheckDailyTimeframe(query);
        var now = state.Clock.UtcNow;
        var start = query.Instant("start", dateMeansEndOfDay: false) ?? WireText.StartOfNewYorkDay(MarketTime.TradingDateOf(now));
        var end = query.Instant("end", dateMeansEndOfDay: true) ?? now;
        if (end < start)
        {
            throw query.Refuse("end should not be before start");
        }

        var limit = query.Integer("limit", 1, MaximumLimit) ?? DefaultLimit;
        DataQueries.CheckAdjustment(query);
        query.OneOf("feed", "iex", "otc", "sip", "boats");
        DataQueries.CheckAsOf(query);
        DataQueries.CheckCurrency(query);
        var descending = query.OneOf("sort", "asc", "desc") == "desc";
        var after = query.Text("page_token") is { } token ? BarPageToken.Decode(token) ?? throw query.Refuse("invalid page_token") : null;
        var page = BarPager.Page(state.Options.Bars, symbols, start, end, descending, after, Math.Min(limit, state.Options.BarsPageSize));
        await ResponseWriter.OkAsync(context, page, AlpacaJsonContext.Default.BarsPageJson);
    }
}
