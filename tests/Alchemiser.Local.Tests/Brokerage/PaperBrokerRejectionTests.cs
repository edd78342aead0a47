using Alchemiser.Core.Brokerage;
using Alchemiser.Core.Errors;
using Alchemiser.Local.Brokerage;

namespace Alchemiser.Local.Tests.Brokerage;

/// <summary>
/// Every refusal, as Alpaca's 403/422: the right reason, a clear message, nothing stored — the client order id stays
/// free and the order numbers are not used up.
/// </summary>
public sealed class PaperBrokerRejectionTests : IDisposable
{
    private readonly PaperBrokerHarness _h = new(new PaperBrokerOptions
    {
        InitialCash = 10_000m,
        NonFractionable = new HashSet<string>(StringComparer.Ordinal) { "WHOLE2" },
        NotTradable = new HashSet<string>(StringComparer.Ordinal) { "HALT2" },
    });

    public PaperBrokerRejectionTests()
    {
        _h.Quote("SPY", -3600, 99.99m, 100.00m);
        _h.Market.SetAsset("WHOLE", tradable: true, fractionable: false);
        _h.Market.SetAsset("WHOLE2", tradable: true, fractionable: true);
        _h.Market.SetAsset("HALT", tradable: false, fractionable: true);
        _h.Market.SetAsset("HALT2", tradable: true, fractionable: true);
    }

    public void Dispose() => _h.Dispose();

    public static TheoryData<string, OrderRequest> MalformedOrders => new()
    {
        { "zero quantity", OrderRequest.Limit("c-1", "SPY", OrderSide.Buy, 0m, 100m) },
        { "negative quantity", OrderRequest.Limit("c-1", "SPY", OrderSide.Buy, -5m, 100m) },
        { "limit order without a limit price", new OrderRequest("c-1", "SPY", OrderSide.Buy, 1m, OrderType.Limit, null) },
        { "zero limit price", OrderRequest.Limit("c-1", "SPY", OrderSide.Buy, 1m, 0m) },
        { "negative limit price", OrderRequest.Limit("c-1", "SPY", OrderSide.Sell, 1m, -1m) },
        { "sub-penny limit above a dollar", OrderRequest.Limit("c-1", "SPY", OrderSide.Buy, 1m, 99.995m) },
        { "limit below a dollar finer than a hundredth of a cent", OrderRequest.Limit("c-1", "SPY", OrderSide.Buy, 1m, 0.12345m) },
        { "market order with a limit price", new OrderRequest("c-1", "SPY", OrderSide.Buy, 1m, OrderType.Market, 100m) },
        { "blank symbol", OrderRequest.Limit("c-1", " ", OrderSide.Buy, 1m, 100m) },
        { "undefined side", new OrderRequest("c-1", "SPY", (OrderSide)7, 1m, OrderType.Limit, 100m) },
        { "client order id too long", OrderRequest.Limit(new string('x', 129), "SPY", OrderSide.Buy, 1m, 100m) },
    };

    [Theory]
    [MemberData(nameof(MalformedOrders))]
    public async Task A_malformed_order_is_invalid(string what, OrderRequest request)
    {
        var rejection = await AssertRefusedAndForgotten(request, RejectionReason.Invalid);

        Assert.False(string.IsNullOrWhiteSpace(rejection.Message), what);
        await AssertClientOrderIdStillFree(OrderRequest.Limit("c-1", "SPY", OrderSide.Buy, 1m, 99m));
    }

    [Fact]
    public async Task An_order_without_a_client_order_id_is_invalid()
    {
        await AssertRefusedAndForgotten(OrderRequest.Limit("", "SPY", OrderSide.Buy, 1m, 99m), RejectionReason.Invalid);

        await AssertClientOrderIdStillFree(OrderRequest.Limit("c-1", "SPY", OrderSide.Buy, 1m, 99m));
    }

    [Fact]
    public async Task Below_a_dollar_a_limit_may_have_four_decimals_and_at_a_dollar_two()
    {
        _h.Quote("PENNY", 0, 0.1233m, 0.1236m);

        await _h.BuyLimit("c-1", "PENNY", 100m, 0.1234m);
        await _h.BuyLimit("c-2", "SPY", 1m, 99.10m);
        await _h.BuyLimit("c-3", "SPY", 1m, 99.100000m);
    }

    [Theory]
    [InlineData("2025-06-10", 9, 29, 59)]
    [InlineData("2025-06-10", 16, 0, 0)]
    [InlineData("2025-06-10", 20, 0, 0)]
    [InlineData("2025-06-14", 11, 0, 0)] // Saturday
    [InlineData("2025-07-04", 11, 0, 0)] // Independence Day
    [InlineData("2025-07-03", 13, 0, 0)] // early close
    public async Task Outside_the_regular_session_the_market_is_closed(string date, int hour, int minute, int second)
    {
        _h.Clock.Set(NewYork.At(date, hour, minute, second));

        var rejection = await AssertRefusedAndForgotten(OrderRequest.Limit("c-1", "SPY", OrderSide.Buy, 1m, 99m), RejectionReason.MarketClosed);

        Assert.Contains("closed", rejection.Message, StringComparison.Ordinal);
        _h.Clock.Set(NewYork.At("2025-07-07", 9, 30));
        await AssertClientOrderIdStillFree(OrderRequest.Limit("c-1", "SPY", OrderSide.Buy, 1m, 99m));
    }

    [Theory]
    [InlineData("2025-06-10", 9, 30, 0)]
    [InlineData("2025-06-10", 15, 59, 59)]
    [InlineData("2025-07-03", 12, 59, 59)]
    public async Task Inside_the_regular_session_orders_are_taken(string date, int hour, int minute, int second)
    {
        _h.Clock.Set(NewYork.At(date, hour, minute, second));

        var order = await _h.BuyLimit("c-1", "SPY", 1m, 99m);

        Assert.Equal(OrderStatus.New, order.Status);
    }

    [Theory]
    [InlineData("NOPE")]
    [InlineData("HALT")]
    [InlineData("HALT2")]
    public async Task An_unknown_or_untradable_symbol_is_refused(string symbol)
    {
        var rejection = await AssertRefusedAndForgotten(OrderRequest.Limit("c-1", symbol, OrderSide.Buy, 1m, 10m), RejectionReason.UnknownAsset);

        Assert.Contains(symbol, rejection.Message, StringComparison.Ordinal);
        await AssertClientOrderIdStillFree(OrderRequest.Limit("c-1", "SPY", OrderSide.Buy, 1m, 99m));
    }

    [Theory]
    [InlineData("WHOLE")]
    [InlineData("WHOLE2")]
    public async Task A_fraction_of_an_asset_that_trades_in_whole_shares_is_refused(string symbol)
    {
        await AssertRefusedAndForgotten(OrderRequest.Limit("c-1", symbol, OrderSide.Buy, 1.5m, 10m), RejectionReason.NotFractionable);

        await AssertClientOrderIdStillFree(OrderRequest.Limit("c-1", symbol, OrderSide.Buy, 2m, 10m));
        await _h.BuyLimit("c-2", "SPY", 0.001m, 99m);
    }

    [Fact]
    public async Task A_client_order_id_used_before_is_refused_whatever_became_of_its_order()
    {
        var first = await _h.BuyLimit("c-1", "SPY", 1m, 99m);

        var whileOpen = await AssertRefusedAndForgotten(OrderRequest.Limit("c-1", "SPY", OrderSide.Buy, 2m, 98m), RejectionReason.DuplicateClientOrderId);
        await _h.Broker.CancelOrderAsync(first.Id);
        await AssertRefusedAndForgotten(OrderRequest.Limit("c-1", "SPY", OrderSide.Buy, 2m, 98m), RejectionReason.DuplicateClientOrderId);

        Assert.Contains("c-1", whileOpen.Message, StringComparison.Ordinal);
        var original = await _h.Broker.GetOrderByClientIdAsync("c-1");
        Assert.Equal((first.Id, 1m, 99m), (original!.Id, original.Quantity, original.LimitPrice));
        Assert.Equal("paper-000002", (await _h.BuyLimit("c-2", "SPY", 1m, 99m)).Id);
    }

    [Fact]
    public async Task A_limit_buy_costing_more_than_the_buying_power_is_refused_and_one_costing_exactly_as_much_is_taken()
    {
        var rejection = await AssertRefusedAndForgotten(OrderRequest.Limit("c-1", "SPY", OrderSide.Buy, 100.01m, 100m), RejectionReason.InsufficientBuyingPower);

        Assert.Contains("buying power", rejection.Message, StringComparison.Ordinal);
        await AssertClientOrderIdStillFree(OrderRequest.Limit("c-1", "SPY", OrderSide.Buy, 100m, 100m));
    }

    [Fact]
    public async Task A_market_buy_is_valued_at_the_ask_against_the_buying_power()
    {
        _h.Quote("DEAR", 0, 199.00m, 201.00m);

        await AssertRefusedAndForgotten(OrderRequest.Market("c-1", "DEAR", OrderSide.Buy, 50m), RejectionReason.InsufficientBuyingPower);

        await AssertClientOrderIdStillFree(OrderRequest.Market("c-1", "DEAR", OrderSide.Buy, 49m));
    }

    [Fact]
    public async Task Selling_shares_not_held_is_refused()
    {
        var rejection = await AssertRefusedAndForgotten(OrderRequest.Limit("c-1", "SPY", OrderSide.Sell, 1m, 100m), RejectionReason.InsufficientBuyingPower);

        Assert.Contains("insufficient qty", rejection.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Selling_more_than_is_held_less_what_open_sells_offer_is_refused()
    {
        await _h.Hold("SPY", 10m, 100m);
        var resting = await _h.SellLimit("s-1", "SPY", 6m, 120m);

        await AssertRefusedAndForgotten(OrderRequest.Limit("s-2", "SPY", OrderSide.Sell, 4.5m, 120m), RejectionReason.InsufficientBuyingPower, placedBefore: 2);
        await AssertRefusedAndForgotten(OrderRequest.Market("s-2", "SPY", OrderSide.Sell, 11m), RejectionReason.InsufficientBuyingPower, placedBefore: 2);

        Assert.Equal("paper-000003", (await _h.SellLimit("s-2", "SPY", 4m, 120m)).Id);
        await _h.Broker.CancelOrderAsync(resting.Id);
        await _h.SellLimit("s-3", "SPY", 6m, 120m);
    }

    /// <summary>Submits <paramref name="request"/>, expects the refusal, and checks that the account did not move and the client order id is unknown.</summary>
    private async Task<OrderRejectedException> AssertRefusedAndForgotten(OrderRequest request, RejectionReason reason, int placedBefore = -1)
    {
        var accountBefore = await _h.Broker.GetAccountAsync();
        var positionsBefore = await _h.Broker.GetPositionsAsync();
        var knownBefore = string.IsNullOrEmpty(request.ClientOrderId) ? null : await _h.Broker.GetOrderByClientIdAsync(request.ClientOrderId);

        var rejection = await Assert.ThrowsAsync<OrderRejectedException>(() => _h.Broker.SubmitOrderAsync(request));

        Assert.Equal(reason, rejection.Reason);
        Assert.Equal(ErrorCategory.Trading, rejection.Category);
        Assert.Equal(accountBefore, await _h.Broker.GetAccountAsync());
        Assert.Equal(positionsBefore, await _h.Broker.GetPositionsAsync());
        if (!string.IsNullOrEmpty(request.ClientOrderId) && request.ClientOrderId.Length <= 128)
        {
            Assert.Equal(knownBefore, await _h.Broker.GetOrderByClientIdAsync(request.ClientOrderId));
        }

        if (placedBefore >= 0)
        {
            await Assert.ThrowsAsync<OrderNotFoundException>(() => _h.Broker.GetOrderAsync($"paper-{placedBefore + 1:D6}"));
        }

        return rejection;
    }

    /// <summary>A good order under the refused order's client order id is taken, and it is the account's first order.</summary>
    private async Task AssertClientOrderIdStillFree(OrderRequest corrected)
    {
        Assert.Null(await _h.Broker.GetOrderByClientIdAsync(corrected.ClientOrderId));

        var accepted = await _h.Broker.SubmitOrderAsync(corrected);

        Assert.Equal(("paper-000001", corrected.ClientOrderId, OrderStatus.New), (accepted.Id, accepted.ClientOrderId, accepted.Status));
    }
}
