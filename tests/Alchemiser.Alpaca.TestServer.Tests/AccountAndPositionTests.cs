using System.Net;

namespace Alchemiser.Alpaca.TestServer.Tests;

/// <summary>GET /v2/account and /v2/positions: the broker's money and holdings, as Alpaca's strings.</summary>
public sealed class AccountAndPositionTests
{
    [Fact]
    public async Task A_new_account_has_its_cash_as_equity_and_buying_power_and_no_positions()
    {
        await using var paper = await PaperServer.StartAsync(initialCash: 25_000m);

        var account = await paper.GetAsync("v2/account");
        var positions = await paper.GetAsync("v2/positions");

        Assert.Equal(HttpStatusCode.OK, account.Status);
        Assert.Equal(
            (25_000m, 25_000m, 25_000m, 25_000m, 0m),
            (Wire.Decimal(account["cash"]), Wire.Decimal(account["equity"]), Wire.Decimal(account["portfolio_value"]), Wire.Decimal(account["buying_power"]),
                Wire.Decimal(account["long_market_value"])));
        Assert.Equal(("ACTIVE", "USD", "paper", "1"), (account["status"], account["currency"], account["account_number"], account["multiplier"]));
        Assert.True(Guid.TryParse(account["id"], out _));
        Assert.Equal(HttpStatusCode.OK, positions.Status);
        Assert.Equal(0, positions.Json.GetArrayLength());
    }

    [Fact]
    public async Task After_a_fill_the_position_and_the_account_show_it()
    {
        await using var paper = await PaperServer.StartAsync();
        paper.Bars.Put("SPY", [new(new DateOnly(2025, 6, 27), 98m, 99m, 97m, 98m, 1_000_000)]);
        paper.Quote("SPY", 99.99m, 100.01m);
        var placed = await paper.PlaceMarketAsync("buy-spy-1", "SPY", "buy", 10m);
        Assert.Equal(HttpStatusCode.OK, placed.Status);
        paper.Advance(2);
        paper.Quote("SPY", 101.99m, 102.01m);

        var positions = await paper.GetAsync("v2/positions");
        var account = await paper.GetAsync("v2/account");

        var position = Assert.Single(positions.Json.EnumerateArray());
        string? Field(string name) => position.GetProperty(name).GetString();
        decimal Number(string name) => Wire.Decimal(Field(name));
        Assert.Equal(("SPY", "long", "us_equity"), (Field("symbol"), Field("side"), Field("asset_class")));
        Assert.Equal(
            (10m, 10m, 100.01m, 1020m, 1000.10m, 19.90m, 102m, 98m, 40m),
            (Number("qty"), Number("qty_available"), Number("avg_entry_price"), Number("market_value"), Number("cost_basis"), Number("unrealized_pl"),
                Number("current_price"), Number("lastday_price"), Number("unrealized_intraday_pl")));
        Assert.Equal((0.0198980102m, 0.0408163265m, 0.0408163265m), (Number("unrealized_plpc"), Number("change_today"), Number("unrealized_intraday_plpc")));
        Assert.Equal(
            (98_999.90m, 100_019.90m, 1020m, 98_999.90m),
            (Wire.Decimal(account["cash"]), Wire.Decimal(account["equity"]), Wire.Decimal(account["long_market_value"]), Wire.Decimal(account["buying_power"])));
    }

    [Fact]
    public async Task Shares_offered_by_an_open_sell_are_not_available()
    {
        await using var paper = await PaperServer.StartAsync();
        paper.Quote("SPY", 99.99m, 100.01m);
        await paper.PlaceMarketAsync("buy-spy-1", "SPY", "buy", 10m);
        paper.Advance(2);
        var sell = await paper.PlaceLimitAsync("sell-spy-1", "SPY", "sell", 4m, 150m);
        Assert.Equal(HttpStatusCode.OK, sell.Status);

        var position = Assert.Single((await paper.GetAsync("v2/positions")).Json.EnumerateArray());

        Assert.Equal((10m, 6m), (Wire.Decimal(position.GetProperty("qty").GetString()), Wire.Decimal(position.GetProperty("qty_available").GetString())));
    }
}
