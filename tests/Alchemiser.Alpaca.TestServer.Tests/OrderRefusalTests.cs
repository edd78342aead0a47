using System.Net;
using Alchemiser.Local.Brokerage;

namespace Alchemiser.Alpaca.TestServer.Tests;

/// <summary>What Alpaca refuses is refused with its status, code and words — and nothing reaches the broker.</summary>
public sealed class OrderRefusalTests
{
    [Fact]
    public async Task A_reused_client_order_id_is_422_and_places_nothing()
    {
        await using var paper = await PaperServer.StartAsync();
        paper.Quote("SPY", 99.99m, 100.01m);
        Assert.Equal(HttpStatusCode.OK, (await paper.PlaceLimitAsync("alc-spy-buy-1", "SPY", "buy", 5m, 99.50m)).Status);

        var again = await paper.PlaceLimitAsync("alc-spy-buy-1", "SPY", "buy", 5m, 99.50m);

        again.AssertError(HttpStatusCode.UnprocessableEntity, 40010001, "client_order_id must be unique");
        await Assert.ThrowsAsync<Core.Brokerage.OrderNotFoundException>(() => paper.Broker.GetOrderAsync("paper-000002"));
    }

    [Fact]
    public async Task A_buy_beyond_buying_power_is_403_40310000()
    {
        await using var paper = await PaperServer.StartAsync(initialCash: 1_000m);
        paper.Quote("SPY", 99.99m, 100.01m);

        var reply = await paper.PlaceLimitAsync("alc-spy-buy-1", "SPY", "buy", 11m, 100m);

        reply.AssertError(HttpStatusCode.Forbidden, 40310000, "insufficient buying power");
        Assert.Null(await paper.Broker.GetOrderByClientIdAsync("alc-spy-buy-1"));
    }

    [Fact]
    public async Task A_sell_of_shares_not_held_is_403_40310000_insufficient_qty()
    {
        await using var paper = await PaperServer.StartAsync();
        paper.Quote("SPY", 99.99m, 100.01m);

        var reply = await paper.PlaceMarketAsync("alc-spy-sell-1", "SPY", "sell", 3m);

        Assert.Equal(HttpStatusCode.Forbidden, reply.Status);
        Assert.Equal(40310000, reply.Json.GetProperty("code").GetInt32());
        Assert.StartsWith("insufficient qty available for order", reply["message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_order_outside_market_hours_is_refused()
    {
        await using var paper = await PaperServer.StartAsync();
        paper.Quote("SPY", 99.99m, 100.01m);
        paper.Advance(TimeSpan.FromHours(1).TotalSeconds);

        (await paper.PlaceMarketAsync("alc-spy-buy-1", "SPY", "buy", 1m)).AssertError(HttpStatusCode.UnprocessableEntity, 40010001, "market is closed");
    }

    [Fact]
    public async Task Unknown_untradable_and_whole_share_assets_are_422()
    {
        await using var paper = await PaperServer.StartAsync(brokerOptions: new PaperBrokerOptions
        {
            NotTradable = new HashSet<string>(StringComparer.Ordinal) { "OTCX" },
            NonFractionable = new HashSet<string>(StringComparer.Ordinal) { "BRKA" },
        });
        paper.Quote("OTCX", 9.99m, 10.01m);
        paper.Quote("BRKA", 99.99m, 100.01m);

        (await paper.PlaceMarketAsync("a", "NOPE", "buy", 1m)).AssertError(HttpStatusCode.UnprocessableEntity, 40010001, "asset \"NOPE\" not found");
        (await paper.PlaceMarketAsync("b", "OTCX", "buy", 1m)).AssertError(HttpStatusCode.UnprocessableEntity, 40010001, "asset \"OTCX\" is not tradable");
        (await paper.PlaceMarketAsync("c", "BRKA", "buy", 0.5m)).AssertError(HttpStatusCode.UnprocessableEntity, 40010001, "asset \"BRKA\" is not fractionable");
        (await paper.PostAsync("v2/orders", """{"symbol":"BRKA","notional":"50","side":"buy","type":"market","time_in_force":"day"}"""))
            .AssertError(HttpStatusCode.UnprocessableEntity, 40010001, "asset \"BRKA\" is not fractionable");
    }

    public static TheoryData<string, string> InvalidBodies() => new()
    {
        { """{"qty":"1","side":"buy","type":"market","time_in_force":"day"}""", "symbol is required" },
        { """{"symbol":"SPY","qty":"1","type":"market","time_in_force":"day"}""", "side is required" },
        { """{"symbol":"SPY","qty":"1","side":"hold","type":"market","time_in_force":"day"}""", "invalid side \"hold\"" },
        { """{"symbol":"SPY","qty":"1","side":"buy","time_in_force":"day"}""", "type is required" },
        { """{"symbol":"SPY","qty":"1","side":"buy","type":"market"}""", "time_in_force is required" },
        { """{"symbol":"SPY","qty":"1","side":"buy","type":"market","time_in_force":"gtc"}""", "time_in_force \"gtc\" is not supported by the test server (day orders only)" },
        { """{"symbol":"SPY","qty":"1","side":"buy","type":"stop","stop_price":"90","time_in_force":"day"}""", "stop_price is not supported by the test server (simple market and limit day orders only)" },
        { """{"symbol":"SPY","side":"buy","type":"market","time_in_force":"day"}""", "qty or notional is required" },
        { """{"symbol":"SPY","qty":"1","notional":"100","side":"buy","type":"market","time_in_force":"day"}""", "qty and notional are mutually exclusive" },
        { """{"symbol":"SPY","qty":"0","side":"buy","type":"market","time_in_force":"day"}""", "qty must be > 0" },
        { """{"symbol":"SPY","qty":"-2","side":"buy","type":"market","time_in_force":"day"}""", "qty must be > 0" },
        { """{"symbol":"SPY","qty":"ten","side":"buy","type":"market","time_in_force":"day"}""", "invalid qty: a decimal number is expected" },
        { """{"symbol":"SPY","qty":"1","side":"buy","type":"limit","time_in_force":"day"}""", "limit_price is required for limit orders" },
        { """{"symbol":"SPY","qty":"1","side":"buy","type":"market","limit_price":"100","time_in_force":"day"}""", "limit_price must not be given for market orders" },
        { """{"symbol":"SPY","qty":"1.5","side":"buy","type":"limit","limit_price":"100","time_in_force":"day"}""", "fractional orders must be market orders with time_in_force day" },
        { """{"symbol":"SPY","notional":"100","side":"buy","type":"limit","limit_price":"100","time_in_force":"day"}""", "notional orders must be market orders" },
        { """{"symbol":"SPY","notional":"0.5","side":"buy","type":"market","time_in_force":"day"}""", "notional must be >= 1" },
        { """{"symbol":"SPY","qty":"1","side":"buy","type":"market","time_in_force":"day","limit_prise":"100"}""", "unknown field \"limit_prise\"" },
        { """{"symbol":"SPY","qty":"1","side":"buy","type":"market","time_in_force":"day","extended_hours":true}""", "extended_hours is not supported by the test server (regular hours only)" },
        { """{"symbol":"SPY","qty":"1","side":"buy","type":"limit","limit_price":"100.001","time_in_force":"day"}""", "sub-penny increment does not fulfill minimum pricing criteria: limit price 100.001 for SPY (whole cents at or above $1, $0.0001 below)" },
    };

    [Theory]
    [MemberData(nameof(InvalidBodies))]
    public async Task An_invalid_order_body_is_422_naming_the_problem_and_places_nothing(string body, string message)
    {
        await using var paper = await PaperServer.StartAsync();
        paper.Quote("SPY", 99.99m, 100.01m);

        var reply = await paper.PostAsync("v2/orders", body);

        reply.AssertError(HttpStatusCode.UnprocessableEntity, 40010001, message);
        await Assert.ThrowsAsync<Core.Brokerage.OrderNotFoundException>(() => paper.Broker.GetOrderAsync("paper-000001"));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("")]
    public async Task A_body_that_is_not_a_json_object_is_400_40010000(string body)
    {
        await using var paper = await PaperServer.StartAsync();

        (await paper.PostAsync("v2/orders", body)).AssertError(HttpStatusCode.BadRequest, 40010000, "request body format is invalid");
    }

    [Fact]
    public async Task Numbers_sent_as_json_numbers_are_accepted_as_alpaca_does()
    {
        await using var paper = await PaperServer.StartAsync();
        paper.Quote("SPY", 99.99m, 100.01m);

        var reply = await paper.PostAsync("v2/orders", """{"symbol":"SPY","qty":2,"side":"buy","type":"limit","limit_price":99.5,"time_in_force":"day"}""");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal((2m, 99.5m), (Wire.Decimal(reply["qty"]), Wire.Decimal(reply["limit_price"])));
    }

    [Fact]
    public async Task Unknown_order_ids_and_client_order_ids_are_404_order_not_found()
    {
        await using var paper = await PaperServer.StartAsync();
        var unknown = Guid.NewGuid();

        (await paper.GetAsync($"v2/orders/{unknown}")).AssertError(HttpStatusCode.NotFound, 40410000, "order not found");
        (await paper.GetAsync("v2/orders/paper-000001")).AssertError(HttpStatusCode.NotFound, 40410000, "order not found");
        (await paper.PatchAsync($"v2/orders/{unknown}", """{"qty":"1"}""")).AssertError(HttpStatusCode.NotFound, 40410000, "order not found");
        (await paper.DeleteAsync($"v2/orders/{unknown}")).AssertError(HttpStatusCode.NotFound, 40410000, "order not found");
        (await paper.GetAsync("v2/orders:by_client_order_id?client_order_id=nobody")).AssertError(HttpStatusCode.NotFound, 40410000, "order not found");
        (await paper.GetAsync("v2/orders:by_client_order_id")).AssertError(HttpStatusCode.UnprocessableEntity, 40010001, "client_order_id is required");
    }

    [Fact]
    public async Task A_replace_with_fractional_shares_or_an_unsupported_field_is_422_and_the_order_stays()
    {
        await using var paper = await PaperServer.StartAsync();
        paper.Quote("SPY", 99.99m, 100.01m);
        var id = (await paper.PlaceLimitAsync("alc-spy-buy-1", "SPY", "buy", 5m, 99.50m))["id"];

        (await paper.PatchAsync($"v2/orders/{id}", """{"qty":"2.5"}"""))
            .AssertError(HttpStatusCode.UnprocessableEntity, 40010001, "qty must be a whole number of shares: only full shares can be replaced");
        (await paper.PatchAsync($"v2/orders/{id}", """{"trail":"1"}"""))
            .AssertError(HttpStatusCode.UnprocessableEntity, 40010001, "trail is not supported by the test server (simple market and limit day orders only)");
        (await paper.PatchAsync($"v2/orders/{id}", """{"qty":"2000"}""")).AssertError(HttpStatusCode.Forbidden, 40310000, "insufficient buying power");

        Assert.Equal("new", (await paper.GetAsync($"v2/orders/{id}"))["status"]);
    }

    [Fact]
    public async Task Unknown_paths_are_404_and_known_paths_with_another_method_405()
    {
        await using var paper = await PaperServer.StartAsync();

        (await paper.GetAsync("v2/watchlists")).AssertError(HttpStatusCode.NotFound, 40410000, "endpoint not found");
        (await paper.DeleteAsync("v2/account")).AssertError(HttpStatusCode.MethodNotAllowed, 40510000, "method not allowed");
    }
}
