using System.Net;
using Alchemiser.Local.Brokerage;

namespace Alchemiser.Alpaca.TestServer.Tests;

/// <summary>GET /v2/assets/{symbol_or_asset_id}: the broker's tradable and fractionable flags, by symbol or by the asset id shown.</summary>
public sealed class AssetTests
{
    [Fact]
    public async Task An_asset_reads_by_symbol_and_by_its_id_with_the_brokers_flags()
    {
        await using var paper = await PaperServer.StartAsync(brokerOptions: new PaperBrokerOptions { NonFractionable = new HashSet<string>(StringComparer.Ordinal) { "BRKA" } });
        paper.Quote("SPY", 99.99m, 100.01m);
        paper.Quote("BRKA", 99.99m, 100.01m);

        var spy = await paper.GetAsync("v2/assets/SPY");
        var brka = await paper.GetAsync("v2/assets/BRKA");
        var byId = await paper.GetAsync($"v2/assets/{spy["id"]}");

        Assert.Equal(HttpStatusCode.OK, spy.Status);
        Assert.Equal(("SPY", "us_equity", "active"), (spy["symbol"], spy["class"], spy["status"]));
        Assert.Equal((true, true), (spy.Json.GetProperty("tradable").GetBoolean(), spy.Json.GetProperty("fractionable").GetBoolean()));
        Assert.False(brka.Json.GetProperty("fractionable").GetBoolean());
        Assert.True(Guid.TryParse(spy["id"], out _));
        Assert.Equal(spy.Text, byId.Text);
    }

    [Fact]
    public async Task An_unknown_asset_is_404()
    {
        await using var paper = await PaperServer.StartAsync();

        (await paper.GetAsync("v2/assets/NOPE")).AssertError(HttpStatusCode.NotFound, 40410000, "asset not found");
        (await paper.GetAsync($"v2/assets/{Guid.NewGuid()}")).AssertError(HttpStatusCode.NotFound, 40410000, "asset not found");
    }
}
