using Alchemiser.Core.Errors;

namespace Alchemiser.Alpaca.Tests;

public sealed class AlpacaOptionsTests
{
    private static Func<string, string?> Environment(params (string Name, string Value)[] variables)
    {
        var values = variables.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);
        return name => values.GetValueOrDefault(name);
    }

    [Fact]
    public void Paper_trading_with_the_documented_defaults_is_the_default()
    {
        var options = new AlpacaOptions();

        Assert.Equal(AlpacaOptions.Paper, options);
        Assert.Equal("https://paper-api.alpaca.markets", options.TradingBaseUrl);
        Assert.Equal("https://data.alpaca.markets", options.DataBaseUrl);
        Assert.False(options.IsLive);
        Assert.Equal("iex", options.DataFeed);
        Assert.Equal(200, options.RequestsPerMinute);
        Assert.Equal(TimeSpan.FromSeconds(10), options.AttemptTimeout);
        Assert.Equal(4, options.MaxReadRetries);
        Assert.True(options.RetryBaseDelay > TimeSpan.Zero && options.RetryBaseDelay <= options.RetryMaxDelay);
    }

    [Fact]
    public void Live_options_need_an_explicit_confirmation()
    {
        var refused = Assert.Throws<ConfigurationException>(() => AlpacaOptions.Live(confirmed: false));
        var live = AlpacaOptions.Live(confirmed: true);

        Assert.Contains("without confirmation", refused.Message, StringComparison.Ordinal);
        Assert.True(live.IsLive);
        Assert.Equal("https://api.alpaca.markets", live.TradingBaseUrl);
    }

    [Fact]
    public void An_empty_environment_means_paper_trading()
    {
        Assert.Equal(AlpacaOptions.Paper, AlpacaOptions.FromEnvironment(Environment()));
        Assert.Equal(AlpacaOptions.Paper, AlpacaOptions.FromEnvironment(Environment(("ALCHEMISER_TRADING_MODE", "paper"), ("ALCHEMISER_STAGE", "prod"))));
    }

    [Fact]
    public void Live_mode_outside_prod_and_without_the_flag_is_refused_naming_both_settings()
    {
        var error = Assert.Throws<ConfigurationException>(() => AlpacaOptions.FromEnvironment(Environment(("ALCHEMISER_TRADING_MODE", "live"), ("ALCHEMISER_STAGE", "dev"))));

        Assert.Equal(
            "live trading refused: ALCHEMISER_TRADING_MODE=live also needs ALCHEMISER_STAGE=prod (it is 'dev') and ALCHEMISER_LIVE_TRADING=confirmed (it is unset)",
            error.Message);
        Assert.Contains("set ALCHEMISER_STAGE=prod and ALCHEMISER_LIVE_TRADING=confirmed", error.RemediationHint, StringComparison.Ordinal);
        Assert.Equal(ErrorCategory.Configuration, error.Category);
    }

    [Fact]
    public void Live_mode_in_prod_without_the_confirmation_flag_is_refused_naming_the_flag()
    {
        var error = Assert.Throws<ConfigurationException>(() => AlpacaOptions.FromEnvironment(Environment(
            ("ALCHEMISER_TRADING_MODE", "live"), ("ALCHEMISER_STAGE", "prod"), ("ALCHEMISER_LIVE_TRADING", "yes"))));

        Assert.Equal("live trading refused: ALCHEMISER_TRADING_MODE=live also needs ALCHEMISER_LIVE_TRADING=confirmed (it is 'yes')", error.Message);
    }

    [Fact]
    public void Live_mode_with_the_confirmation_but_outside_prod_is_refused()
    {
        var error = Assert.Throws<ConfigurationException>(() => AlpacaOptions.FromEnvironment(Environment(
            ("ALCHEMISER_TRADING_MODE", "live"), ("ALCHEMISER_LIVE_TRADING", "confirmed"))));

        Assert.Equal("live trading refused: ALCHEMISER_TRADING_MODE=live also needs ALCHEMISER_STAGE=prod (it is unset)", error.Message);
    }

    [Fact]
    public void Live_mode_in_prod_with_the_confirmation_trades_on_the_live_api()
    {
        var options = AlpacaOptions.FromEnvironment(Environment(
            ("ALCHEMISER_TRADING_MODE", "live"), ("ALCHEMISER_STAGE", "prod"), ("ALCHEMISER_LIVE_TRADING", "confirmed")));

        Assert.True(options.IsLive);
        Assert.Equal(AlpacaOptions.LiveTradingUrl, options.TradingBaseUrl);
    }

    [Fact]
    public void A_mode_other_than_paper_or_live_is_refused()
    {
        var error = Assert.Throws<ConfigurationException>(() => AlpacaOptions.FromEnvironment(Environment(("ALCHEMISER_TRADING_MODE", "real"))));

        Assert.Contains("ALCHEMISER_TRADING_MODE is 'real'; it must be 'paper' or 'live'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_urls_and_the_feed_can_be_overridden_for_a_local_server()
    {
        var options = AlpacaOptions.FromEnvironment(Environment(
            ("ALCHEMISER_ALPACA_TRADING_URL", "http://127.0.0.1:18080"),
            ("ALCHEMISER_ALPACA_DATA_URL", "http://127.0.0.1:18081/"),
            ("ALCHEMISER_ALPACA_FEED", "SIP")));

        Assert.Equal("http://127.0.0.1:18080", options.TradingBaseUrl);
        Assert.Equal("http://127.0.0.1:18081/", options.DataBaseUrl);
        Assert.Equal("sip", options.DataFeed);
        Assert.False(options.IsLive);
    }

    [Fact]
    public void An_override_that_is_not_an_absolute_http_url_is_refused()
    {
        var error = Assert.Throws<ConfigurationException>(() => AlpacaOptions.FromEnvironment(Environment(("ALCHEMISER_ALPACA_DATA_URL", "data.alpaca.markets"))));

        Assert.Contains("ALCHEMISER_ALPACA_DATA_URL must be an absolute http(s) URL, got 'data.alpaca.markets'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Paper_mode_pointed_at_the_live_api_is_refused()
    {
        var error = Assert.Throws<ConfigurationException>(() => AlpacaOptions.FromEnvironment(Environment(("ALCHEMISER_ALPACA_TRADING_URL", "https://api.alpaca.markets"))));

        Assert.Contains("paper trading is configured but TradingBaseUrl is the live API", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_client_refuses_options_out_of_range_before_any_request()
    {
        var credentials = new AlpacaCredentials("PKTEST", "secret");

        Assert.Throws<ConfigurationException>(() => new AlpacaClient(AlpacaOptions.Paper with { RequestsPerMinute = 0 }, credentials));
        Assert.Throws<ConfigurationException>(() => new AlpacaClient(AlpacaOptions.Paper with { MaxReadRetries = -1 }, credentials));
        Assert.Throws<ConfigurationException>(() => new AlpacaClient(AlpacaOptions.Paper with { AttemptTimeout = TimeSpan.Zero }, credentials));
        Assert.Throws<ConfigurationException>(() => new AlpacaClient(AlpacaOptions.Paper with { TradingBaseUrl = AlpacaOptions.LiveTradingUrl }, credentials));
    }
}
