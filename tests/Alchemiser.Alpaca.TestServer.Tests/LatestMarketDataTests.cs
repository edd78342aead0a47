using System.Net;

namespace Alchemiser.Alpaca.TestServer.Tests;

/// <summary>GET /v2/stocks/quotes/latest and /v2/stocks/trades/latest: the broker's market now, symbols it does not know left out.</summary>
public sealed class LatestMarketDataTests
{
    [Fact]
    public async Task Latest_quotes_show_bid_and_ask_of_the_known_symbols()
    {
        await using var paper = await PaperServer.StartAsync();
        paper.Quote("SPY", 99.99m, 100.01m, bidSize: 300m, askSize: 500m);
        paper.Quote("QQQ", 199.98m, 200.02m);

        var reply = await paper.GetAsync("v2/stocks/quotes/latest?symbols=SPY,QQQ,NOPE&feed=iex");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        var quotes = reply.Json.GetProperty("quotes");
        Assert.Equal(["QQQ", "SPY"], quotes.EnumerateObject().Select(p => p.Name));
        var spy = quotes.GetProperty("SPY");
        Assert.Equal(
            (99.99m, 100.01m, 300L, 500L),
            (spy.GetProperty("bp").GetDecimal(), spy.GetProperty("ap").GetDecimal(), spy.GetProperty("bs").GetInt64(), spy.GetProperty("as").GetInt64()));
        Assert.Equal(PaperServer.Open, Wire.Instant(spy.GetProperty("t").GetString()));
    }

    [Fact]
    public async Task Latest_trades_show_the_last_price_and_when_it_traded()
    {
        await using var paper = await PaperServer.StartAsync();
        paper.Market.SetLastTrade("SPY", PaperServer.Open.AddSeconds(-5), 100.25m);
        paper.Market.SetLastTrade("SPY", PaperServer.Open.AddSeconds(5), 100.50m);

        var reply = await paper.GetAsync("v2/stocks/trades/latest?symbols=SPY,NOPE");

        var trades = reply.Json.GetProperty("trades");
        var spy = Assert.Single(trades.EnumerateObject()).Value;
        Assert.Equal(100.25m, spy.GetProperty("p").GetDecimal());
        Assert.Equal(PaperServer.Open.AddSeconds(-5), Wire.Instant(spy.GetProperty("t").GetString()));
    }

    [Theory]
    [InlineData("v2/stocks/quotes/latest", "symbols is required")]
    [InlineData("v2/stocks/trades/latest?symbols=", "symbols is required")]
    [InlineData("v2/stocks/trades/latest?symbols=SPY&feed=nyse", "invalid feed: \"nyse\"")]
    public async Task Missing_symbols_or_an_unknown_feed_are_400(string pathAndQuery, string message)
    {
        await using var paper = await PaperServer.StartAsync();

        (await paper.GetAsync(pathAndQuery)).AssertError(HttpStatusCode.BadRequest, 40010001, message);
    }
}
