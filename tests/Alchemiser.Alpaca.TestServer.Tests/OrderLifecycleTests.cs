using System.Net;
using System.Text.Json;
using Alchemiser.Core.Brokerage;

namespace Alchemiser.Alpaca.TestServer.Tests;

/// <summary>Orders through HTTP over the paper broker: placed, filled as the clock moves, read back, replaced, cancelled, listed.</summary>
public sealed class OrderLifecycleTests
{
    [Fact]
    public async Task A_limit_order_fills_as_the_clock_advances_and_reads_back_by_id_and_by_client_order_id()
    {
        await using var paper = await PaperServer.StartAsync();
        paper.Quote("SPY", 99.99m, 100.01m);

        var placed = await paper.PlaceLimitAsync("alc-spy-buy-1", "SPY", "buy", 5m, 99.50m);

        Assert.Equal(HttpStatusCode.OK, placed.Status);
        var id = placed["id"];
        Assert.True(Guid.TryParse(id, out _), $"order id {id} is not a UUID");
        Assert.Equal(
            ("alc-spy-buy-1", "SPY", "buy", "limit", "limit", "day", "new", "us_equity", "buy_to_open"),
            (placed["client_order_id"], placed["symbol"], placed["side"], placed["type"], placed["order_type"], placed["time_in_force"], placed["status"],
                placed["asset_class"], placed["position_intent"]));
        Assert.Equal((5m, 99.50m, 0m), (Wire.Decimal(placed["qty"]), Wire.Decimal(placed["limit_price"]), Wire.Decimal(placed["filled_qty"])));
        Assert.Equal((JsonValueKind.Null, JsonValueKind.Null, JsonValueKind.Null), (Kind(placed, "notional"), Kind(placed, "filled_avg_price"), Kind(placed, "filled_at")));
        Assert.Equal(PaperServer.Open, Wire.Instant(placed["submitted_at"]));

        paper.Advance(10);
        Assert.Equal("new", (await paper.GetAsync($"v2/orders/{id}"))["status"]);

        paper.Quote("SPY", 99.40m, 99.48m);
        paper.Advance(2);
        var filled = await paper.GetAsync($"v2/orders/{id}");
        var byClientId = await paper.GetAsync("v2/orders:by_client_order_id?client_order_id=alc-spy-buy-1");

        Assert.Equal(("filled", 5m, 99.48m), (filled["status"], Wire.Decimal(filled["filled_qty"]), Wire.Decimal(filled["filled_avg_price"])));
        Assert.Equal(PaperServer.Open.AddSeconds(11), Wire.Instant(filled["filled_at"]));
        Assert.Equal(HttpStatusCode.OK, byClientId.Status);
        Assert.Equal(filled.Text, byClientId.Text);
        Assert.Equal("paper-000001", paper.Server.BrokerOrderIdOf(id!));
        Assert.Equal(id, paper.Server.AlpacaOrderIdOf("paper-000001"));
    }

    [Fact]
    public async Task Partial_fills_from_a_thin_quote_flow_through()
    {
        await using var paper = await PaperServer.StartAsync();
        paper.Quote("SPY", 99.99m, 100.01m, askSize: 4m);
        var id = (await paper.PlaceLimitAsync("alc-spy-buy-1", "SPY", "buy", 10m, 100.01m))["id"];

        paper.Advance(1);
        var partly = await paper.GetAsync($"v2/orders/{id}");
        paper.Advance(2);
        var whole = await paper.GetAsync($"v2/orders/{id}");

        Assert.Equal(("partially_filled", 4m), (partly["status"], Wire.Decimal(partly["filled_qty"])));
        Assert.Equal(JsonValueKind.Null, Kind(partly, "filled_at"));
        Assert.Equal(("filled", 10m, 100.01m), (whole["status"], Wire.Decimal(whole["filled_qty"]), Wire.Decimal(whole["filled_avg_price"])));
    }

    [Fact]
    public async Task A_replace_makes_a_new_order_and_leaves_the_old_one_replaced()
    {
        await using var paper = await PaperServer.StartAsync();
        paper.Quote("SPY", 99.99m, 100.01m);
        var oldId = (await paper.PlaceLimitAsync("alc-spy-buy-1", "SPY", "buy", 5m, 99.50m))["id"];
        paper.Advance(5);

        var replaced = await paper.PatchAsync($"v2/orders/{oldId}", """{"limit_price":"99.75","client_order_id":"alc-spy-buy-2"}""");
        var old = await paper.GetAsync($"v2/orders/{oldId}");

        Assert.Equal(HttpStatusCode.OK, replaced.Status);
        var newId = replaced["id"];
        Assert.NotEqual(oldId, newId);
        Assert.Equal(("alc-spy-buy-2", oldId, "new", 5m, 99.75m), (replaced["client_order_id"], replaced["replaces"], replaced["status"], Wire.Decimal(replaced["qty"]), Wire.Decimal(replaced["limit_price"])));
        Assert.Equal(("replaced", newId), (old["status"], old["replaced_by"]));
        Assert.Equal(PaperServer.Open.AddSeconds(5), Wire.Instant(old["replaced_at"]));

        var again = await paper.PatchAsync($"v2/orders/{oldId}", """{"limit_price":"99.80"}""");
        again.AssertError(HttpStatusCode.UnprocessableEntity, 42210000, "order is already in \"replaced\" state");
    }

    [Fact]
    public async Task A_replace_without_a_client_order_id_gets_one_and_keeps_the_old_limit_when_only_the_quantity_changes()
    {
        await using var paper = await PaperServer.StartAsync();
        paper.Quote("SPY", 99.99m, 100.01m);
        var oldId = (await paper.PlaceLimitAsync("alc-spy-buy-1", "SPY", "buy", 5m, 99.50m))["id"];

        var replaced = await paper.PatchAsync($"v2/orders/{oldId}", """{"qty":"3"}""");

        Assert.Equal(HttpStatusCode.OK, replaced.Status);
        Assert.Equal((3m, 99.50m), (Wire.Decimal(replaced["qty"]), Wire.Decimal(replaced["limit_price"])));
        Assert.True(Guid.TryParse(replaced["client_order_id"], out _));
    }

    [Fact]
    public async Task A_cancel_is_204_the_order_reads_canceled_and_a_second_cancel_is_refused()
    {
        await using var paper = await PaperServer.StartAsync();
        paper.Quote("SPY", 99.99m, 100.01m);
        var id = (await paper.PlaceLimitAsync("alc-spy-buy-1", "SPY", "buy", 5m, 99.50m))["id"];
        paper.Advance(3);

        var cancel = await paper.DeleteAsync($"v2/orders/{id}");
        var order = await paper.GetAsync($"v2/orders/{id}");
        var again = await paper.DeleteAsync($"v2/orders/{id}");

        Assert.Equal((HttpStatusCode.NoContent, string.Empty), (cancel.Status, cancel.Text));
        Assert.Equal("canceled", order["status"]);
        Assert.Equal(PaperServer.Open.AddSeconds(3), Wire.Instant(order["canceled_at"]));
        again.AssertError(HttpStatusCode.UnprocessableEntity, 42210000, "order is already in \"canceled\" state");
        Assert.Equal(OrderStatus.Canceled, (await paper.Broker.GetOrderAsync("paper-000001")).Status);
        Assert.Equal([200, 204, 200, 422], paper.Server.Journal.Entries.Select(e => e.StatusCode));
    }

    [Fact]
    public async Task Cancel_all_answers_207_for_each_open_order_and_leaves_filled_ones_alone()
    {
        await using var paper = await PaperServer.StartAsync();
        paper.Quote("SPY", 99.99m, 100.01m);
        paper.Quote("QQQ", 199.99m, 200.01m);
        var spy = (await paper.PlaceLimitAsync("alc-spy-buy-1", "SPY", "buy", 5m, 99.50m))["id"];
        var qqq = (await paper.PlaceLimitAsync("alc-qqq-buy-1", "QQQ", "buy", 2m, 199.00m))["id"];
        var filled = (await paper.PlaceMarketAsync("alc-spy-buy-m", "SPY", "buy", 1m))["id"];
        paper.Advance(2);

        var reply = await paper.DeleteAsync("v2/orders");

        Assert.Equal(HttpStatusCode.MultiStatus, reply.Status);
        var results = reply.Json.EnumerateArray().Select(r => (r.GetProperty("id").GetString(), r.GetProperty("status").GetInt32())).ToArray();
        Assert.Equal([(spy, 200), (qqq, 200)], results);
        Assert.Equal(("canceled", "canceled", "filled"),
            ((await paper.GetAsync($"v2/orders/{spy}"))["status"], (await paper.GetAsync($"v2/orders/{qqq}"))["status"], (await paper.GetAsync($"v2/orders/{filled}"))["status"]));
        Assert.Equal(0, (await paper.DeleteAsync("v2/orders")).Json.GetArrayLength());
    }

    [Fact]
    public async Task Listing_filters_by_status_symbol_and_side_newest_first_unless_asked()
    {
        await using var paper = await PaperServer.StartAsync();
        paper.Quote("SPY", 99.99m, 100.01m);
        paper.Quote("QQQ", 199.99m, 200.01m);
        var open1 = (await paper.PlaceLimitAsync("o1", "SPY", "buy", 5m, 99.50m))["id"]!;
        paper.Advance(1);
        var closed = (await paper.PlaceMarketAsync("o2", "QQQ", "buy", 1m))["id"]!;
        paper.Advance(1);
        var open2 = (await paper.PlaceLimitAsync("o3", "QQQ", "buy", 1m, 150m))["id"]!;
        paper.Advance(2);

        async Task<string[]> Ids(string query) => (await paper.GetAsync("v2/orders" + query)).Json.EnumerateArray().Select(o => o.GetProperty("id").GetString()!).ToArray();

        Assert.Equal([open2, open1], await Ids(string.Empty));
        Assert.Equal([open1, open2], await Ids("?status=open&direction=asc"));
        Assert.Equal([closed], await Ids("?status=closed"));
        Assert.Equal([open2, closed, open1], await Ids("?status=all"));
        Assert.Equal([open2, closed], await Ids("?status=all&symbols=QQQ,IWM"));
        Assert.Equal([open2], await Ids("?status=all&limit=1"));
        Assert.Equal([closed, open1], await Ids($"?status=all&before_order_id={open2}"));
        Assert.Empty(await Ids("?status=all&side=sell"));
        (await paper.GetAsync("v2/orders?status=pending")).AssertError(HttpStatusCode.UnprocessableEntity, 40010001, "invalid status: \"pending\"");
    }

    [Fact]
    public async Task A_notional_market_buy_sizes_the_order_from_the_ask_and_shows_no_qty()
    {
        await using var paper = await PaperServer.StartAsync();
        paper.Quote("SPY", 299.99m, 300.00m);

        var placed = await paper.PostAsync("v2/orders", """{"symbol":"SPY","notional":"1000","side":"buy","type":"market","time_in_force":"day","client_order_id":"alc-spy-f"}""");
        paper.Advance(2);
        var filled = await paper.GetAsync($"v2/orders/{placed["id"]}");

        Assert.Equal(HttpStatusCode.OK, placed.Status);
        Assert.Equal((1000m, JsonValueKind.Null), (Wire.Decimal(placed["notional"]), Kind(placed, "qty")));
        Assert.Equal(("filled", 3.333333333m, 300.00m), (filled["status"], Wire.Decimal(filled["filled_qty"]), Wire.Decimal(filled["filled_avg_price"])));
    }

    [Fact]
    public async Task A_fractional_market_order_is_placed_for_a_fractionable_asset()
    {
        await using var paper = await PaperServer.StartAsync();
        paper.Quote("SPY", 99.99m, 100.01m);

        var placed = await paper.PlaceMarketAsync("alc-spy-f", "SPY", "buy", 0.125m);
        paper.Advance(2);

        Assert.Equal(HttpStatusCode.OK, placed.Status);
        Assert.Equal(0.125m, Wire.Decimal((await paper.GetAsync($"v2/orders/{placed["id"]}"))["filled_qty"]));
    }

    [Fact]
    public async Task An_order_placed_on_the_broker_directly_is_found_by_client_order_id_and_then_listed()
    {
        await using var paper = await PaperServer.StartAsync();
        paper.Quote("SPY", 99.99m, 100.01m);
        await paper.Broker.SubmitOrderAsync(OrderRequest.Limit("direct-1", "SPY", OrderSide.Buy, 1m, 99m));

        Assert.Equal(0, (await paper.GetAsync("v2/orders")).Json.GetArrayLength());
        var found = await paper.GetAsync("v2/orders:by_client_order_id?client_order_id=direct-1");
        var listed = await paper.GetAsync("v2/orders");

        Assert.Equal(HttpStatusCode.OK, found.Status);
        Assert.Equal(found["id"], Assert.Single(listed.Json.EnumerateArray()).GetProperty("id").GetString());
    }

    private static JsonValueKind Kind(Reply reply, string property) => reply.Json.GetProperty(property).ValueKind;
}
