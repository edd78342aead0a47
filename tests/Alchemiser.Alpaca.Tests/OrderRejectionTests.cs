using Alchemiser.Alpaca.Tests.Support;
using Alchemiser.Core.Brokerage;
using Alchemiser.Core.Errors;

namespace Alchemiser.Alpaca.Tests;

/// <summary>How Alpaca's refusals read: the port's rejection reasons with Alpaca's code and words kept, never retried.</summary>
public sealed class OrderRejectionTests : IDisposable
{
    private readonly TestAlpaca _t = new();

    public void Dispose() => _t.Dispose();

    [Fact]
    public async Task Insufficient_buying_power_is_a_rejection_with_alpacas_message_and_is_not_retried()
    {
        var error = Assert.IsType<OrderRejectedException>(await ErrorScenarios.InsufficientBuyingPower(_t));

        Assert.Equal(RejectionReason.InsufficientBuyingPower, error.Reason);
        Assert.Equal(("40310000", ErrorScenarios.BuyingPowerMessage), (error.BrokerCode, error.BrokerMessage));
        Assert.Contains(ErrorScenarios.BuyingPowerMessage, error.Message, StringComparison.Ordinal);
        Assert.Contains("run-1:AAPL:buy:1", error.Message, StringComparison.Ordinal);
        Assert.Equal(ErrorCategory.Trading, error.Category);
        Assert.Equal(403, Assert.IsType<AlpacaApiException>(error.InnerException).StatusCode);
        Assert.Equal("POST", _t.Sent.Method); // one request: no retry, no lookup
    }

    [Fact]
    public async Task Alpacas_same_code_on_a_sell_reads_as_the_shares_not_being_there()
    {
        var error = Assert.IsType<OrderRejectedException>(await ErrorScenarios.InsufficientQuantityOnSell(_t));

        Assert.Equal(RejectionReason.InsufficientBuyingPower, error.Reason);
        Assert.Contains(ErrorScenarios.SellQuantityMessage, error.Message, StringComparison.Ordinal);
        Assert.Single(_t.Alpaca.Requests);
    }

    [Fact]
    public async Task Pattern_day_trading_protection_is_a_rejection_of_its_own_code_that_says_so()
    {
        var error = Assert.IsType<OrderRejectedException>(await ErrorScenarios.PatternDayTrading(_t));

        Assert.Equal(RejectionReason.Invalid, error.Reason);
        Assert.Equal(AlpacaErrorCodes.PatternDayTradingProtection.ToString(System.Globalization.CultureInfo.InvariantCulture), error.BrokerCode);
        Assert.Contains("pattern-day-trading protection", error.Message, StringComparison.Ordinal);
        Assert.Contains(ErrorScenarios.PatternDayTradingMessage, error.Message, StringComparison.Ordinal);
        Assert.Contains("retrying today will not help", error.RemediationHint, StringComparison.Ordinal);
        Assert.Single(_t.Alpaca.Requests);
    }

    [Theory]
    [InlineData("client_order_id must be unique", RejectionReason.DuplicateClientOrderId)]
    [InlineData("fractional orders are not supported for this asset", RejectionReason.NotFractionable)]
    [InlineData("asset \\\"BRK.A\\\" is not fractionable", RejectionReason.NotFractionable)]
    [InlineData("fractional orders must be DAY orders", RejectionReason.NotFractionable)]
    [InlineData("order rejected: the market is closed", RejectionReason.MarketClosed)]
    [InlineData("orders are only accepted during market hours", RejectionReason.MarketClosed)]
    [InlineData("could not find us_equity 'ZZZZ'", RejectionReason.UnknownAsset)]
    [InlineData("asset ZZZZ is not tradable", RejectionReason.UnknownAsset)]
    [InlineData("asset ZZZZ is not active", RejectionReason.UnknownAsset)]
    [InlineData("sub-penny increment does not fulfill minimum pricing criteria", RejectionReason.Invalid)]
    [InlineData("qty must be > 0", RejectionReason.Invalid)]
    [InlineData("client_order_id must be no more than 128 characters", RejectionReason.Invalid)]
    public async Task A_422_is_invalid_unless_alpacas_words_name_a_known_reason(string message, RejectionReason reason)
    {
        var error = Assert.IsType<OrderRejectedException>(await ErrorScenarios.Unprocessable(_t, message));

        Assert.Equal(reason, error.Reason);
        Assert.Equal("40010001", error.BrokerCode);
        Assert.Contains(error.BrokerMessage!, error.Message, StringComparison.Ordinal);
        Assert.Single(_t.Alpaca.Requests);
    }

    [Fact]
    public async Task A_duplicate_client_order_id_on_a_first_send_is_the_callers_to_resolve()
    {
        var error = Assert.IsType<OrderRejectedException>(await ErrorScenarios.Unprocessable(_t, "client_order_id must be unique"));

        Assert.Equal(RejectionReason.DuplicateClientOrderId, error.Reason);
        Assert.Equal("POST", _t.Sent.Method); // no lookup: the caller decides whether the existing order is its own
    }

    [Fact]
    public async Task A_404_on_an_order_is_order_not_found_with_alpacas_answer_inside()
    {
        var read = Assert.IsType<OrderNotFoundException>(await ErrorScenarios.UnknownOrder(_t));
        var replace = Assert.IsType<OrderNotFoundException>(await ErrorScenarios.ReplaceOfUnknownOrder(_t));

        Assert.Equal("904837e3-3b76-47ec-b432-046db621571b", read.OrderId);
        var answer = Assert.IsType<AlpacaApiException>(read.InnerException);
        Assert.Equal((404, (int?)40410000, "order not found"), (answer.StatusCode, answer.AlpacaCode, answer.AlpacaMessage));
        Assert.Equal("904837e3-3b76-47ec-b432-046db621571b", replace.OrderId);
        Assert.Equal(["GET", "PATCH"], _t.Alpaca.Requests.Select(r => r.Method));
    }

    [Fact]
    public async Task A_refused_key_is_a_configuration_error_and_not_retried()
    {
        var refused = Assert.IsType<AlpacaApiException>(await ErrorScenarios.KeyRefusedWithTheKeyEchoed(_t));
        var forbidden = Assert.IsType<AlpacaApiException>(await ErrorScenarios.ForbiddenWithoutCode(_t));

        Assert.Equal((401, (int?)40110000, ErrorCategory.Configuration), (refused.StatusCode, refused.AlpacaCode, refused.Category));
        Assert.StartsWith("Alpaca GET /v2/account failed: HTTP 401 (40110000): request is not authorized", refused.Message, StringComparison.Ordinal);
        Assert.Equal((403, (int?)null, ErrorCategory.Configuration, "forbidden."), (forbidden.StatusCode, forbidden.AlpacaCode, forbidden.Category, forbidden.AlpacaMessage));
        Assert.Contains("key id and secret key", forbidden.RemediationHint, StringComparison.Ordinal);
        Assert.Equal(2, _t.Alpaca.Requests.Count);
    }

    [Fact]
    public async Task An_unreadable_answer_names_the_field_that_is_wrong()
    {
        var error = Assert.IsType<AlpacaApiException>(await ErrorScenarios.UnreadableAccount(_t));

        Assert.Contains("unreadable response: equity '12x' is not a decimal number", error.Message, StringComparison.Ordinal);
        Assert.Equal(200, error.StatusCode);
    }
}
