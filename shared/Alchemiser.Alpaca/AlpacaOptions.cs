using Alchemiser.Core.Errors;

namespace Alchemiser.Alpaca;

/// <summary>
/// Where and how <see cref="AlpacaClient"/> calls Alpaca: the trading and market-data base URLs, paper or live, the
/// data feed, the request budget, and how long an attempt may take and how often a read is retried. Paper trading is
/// the default; live needs <see cref="Live"/> with an explicit confirmation, or the environment of
/// <see cref="FromEnvironment"/>.
/// </summary>
public sealed record AlpacaOptions
{
    /// <summary>Alpaca's paper-trading API.</summary>
    public const string PaperTradingUrl = "https://paper-api.alpaca.markets";

    /// <summary>Alpaca's live-trading API: real money.</summary>
    public const string LiveTradingUrl = "https://api.alpaca.markets";

    /// <summary>Alpaca's market-data API.</summary>
    public const string MarketDataUrl = "https://data.alpaca.markets";

    /// <summary><c>paper</c> (the default) or <c>live</c>.</summary>
    public const string TradingModeVariable = "ALCHEMISER_TRADING_MODE";

    /// <summary>The deployment stage; live trading needs <c>prod</c>.</summary>
    public const string StageVariable = "ALCHEMISER_STAGE";

    /// <summary>The second key of live trading: must be <c>confirmed</c>.</summary>
    public const string LiveTradingVariable = "ALCHEMISER_LIVE_TRADING";

    /// <summary>Overrides <see cref="TradingBaseUrl"/> (e.g. a local Alpaca-compatible server on 127.0.0.1).</summary>
    public const string TradingUrlVariable = "ALCHEMISER_ALPACA_TRADING_URL";

    /// <summary>Overrides <see cref="DataBaseUrl"/>.</summary>
    public const string DataUrlVariable = "ALCHEMISER_ALPACA_DATA_URL";

    /// <summary>Overrides <see cref="DataFeed"/>.</summary>
    public const string FeedVariable = "ALCHEMISER_ALPACA_FEED";

    /// <summary>The trading API's base URL (account, positions, orders, clock, calendar, assets).</summary>
    public string TradingBaseUrl { get; init; } = PaperTradingUrl;

    /// <summary>The market-data API's base URL (bars, latest quotes and trades).</summary>
    public string DataBaseUrl { get; init; } = MarketDataUrl;

    /// <summary>True when orders are real. Only <see cref="Live"/> and <see cref="FromEnvironment"/> set it on purpose.</summary>
    public bool IsLive { get; init; }

    /// <summary>The market-data feed: <c>iex</c> (free) or <c>sip</c> (all US exchanges, needs a subscription).</summary>
    public string DataFeed { get; init; } = "iex";

    /// <summary>The most requests sent in any rolling minute (Alpaca allows 200 per account).</summary>
    public int RequestsPerMinute { get; init; } = 200;

    /// <summary>How long one attempt (request and response) may take before it is abandoned.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Retries after the first attempt of a read (and of an idempotent cancel) on 429, 5xx, timeouts and network errors.</summary>
    public int MaxReadRetries { get; init; } = 4;

    /// <summary>The first retry's delay; later retries back off exponentially, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest delay between two attempts.</summary>
    public TimeSpan RetryMaxDelay { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Paper trading with every default.</summary>
    public static AlpacaOptions Paper => new();

    /// <summary>Live trading, real money.</summary>
    /// <param name="confirmed">Must be true: the caller has checked that live trading is wanted.</param>
    /// <exception cref="ConfigurationException"><paramref name="confirmed"/> is false.</exception>
    public static AlpacaOptions Live(bool confirmed) => confirmed
        ? new AlpacaOptions { TradingBaseUrl = LiveTradingUrl, IsLive = true }
        : throw new ConfigurationException(
            "live trading was asked for without confirmation",
            "pass confirmed: true only where live trading is wanted; paper trading is the default");

    /// <summary>
    /// Options from the environment: <c>ALCHEMISER_TRADING_MODE</c> (<c>paper</c> when unset, or <c>live</c>; live
    /// needs <c>ALCHEMISER_STAGE=prod</c> and <c>ALCHEMISER_LIVE_TRADING=confirmed</c>), and the optional overrides
    /// <c>ALCHEMISER_ALPACA_TRADING_URL</c>, <c>ALCHEMISER_ALPACA_DATA_URL</c> and <c>ALCHEMISER_ALPACA_FEED</c>.
    /// </summary>
    /// <param name="read">Reads one variable; the process environment when null.</param>
    /// <exception cref="ConfigurationException">A value is not allowed; the message says exactly what to set.</exception>
    public static AlpacaOptions FromEnvironment(Func<string, string?>? read = null)
    {
        read ??= Environment.GetEnvironmentVariable;
        var mode = Setting(read, TradingModeVariable)?.ToLowerInvariant() ?? "paper";
        var options = mode switch
        {
            "paper" => Paper,
            "live" => LiveFromEnvironment(read),
            _ => throw new ConfigurationException(
                $"{TradingModeVariable} is '{mode}'; it must be 'paper' or 'live'",
                $"set {TradingModeVariable}=paper (or leave it unset) for paper trading"),
        };

        if (Setting(read, TradingUrlVariable) is { } tradingUrl)
        {
            options = options with { TradingBaseUrl = AbsoluteUrl(TradingUrlVariable, tradingUrl) };
        }

        if (Setting(read, DataUrlVariable) is { } dataUrl)
        {
            options = options with { DataBaseUrl = AbsoluteUrl(DataUrlVariable, dataUrl) };
        }

        if (Setting(read, FeedVariable) is { } feed)
        {
            options = options with { DataFeed = feed.ToLowerInvariant() };
        }

        options.Validate();
        return options;
    }

    /// <summary>Checks the options make sense together; the client calls it before its first request.</summary>
    /// <exception cref="ConfigurationException">A URL is not absolute http(s), a number is out of range, or a paper configuration points at the live API.</exception>
    public void Validate()
    {
        var trading = AbsoluteUri(nameof(TradingBaseUrl), TradingBaseUrl);
        AbsoluteUri(nameof(DataBaseUrl), DataBaseUrl);
        if (!IsLive && string.Equals(trading.Host, new Uri(LiveTradingUrl).Host, StringComparison.OrdinalIgnoreCase))
        {
            throw new ConfigurationException(
                $"paper trading is configured but {nameof(TradingBaseUrl)} is the live API {LiveTradingUrl}",
                $"use {PaperTradingUrl} for paper trading; live trading needs {TradingModeVariable}=live, {StageVariable}=prod and {LiveTradingVariable}=confirmed");
        }

        if (string.IsNullOrWhiteSpace(DataFeed))
        {
            throw new ConfigurationException("the Alpaca data feed is empty", $"set {FeedVariable} to iex or sip, or leave it unset for iex");
        }

        if (RequestsPerMinute < 1)
        {
            throw new ConfigurationException($"{nameof(RequestsPerMinute)} must be at least 1, got {RequestsPerMinute}");
        }

        if (AttemptTimeout < TimeSpan.FromMilliseconds(10) || AttemptTimeout > TimeSpan.FromDays(1))
        {
            throw new ConfigurationException($"{nameof(AttemptTimeout)} must be between 10 ms and a day, got {AttemptTimeout}");
        }

        if (MaxReadRetries < 0)
        {
            throw new ConfigurationException($"{nameof(MaxReadRetries)} must not be negative, got {MaxReadRetries}");
        }

        if (RetryBaseDelay < TimeSpan.Zero || RetryMaxDelay < RetryBaseDelay || RetryMaxDelay > TimeSpan.FromDays(1))
        {
            throw new ConfigurationException(
                $"retry delays must satisfy 0 <= {nameof(RetryBaseDelay)} <= {nameof(RetryMaxDelay)} <= 1 day, got {RetryBaseDelay} and {RetryMaxDelay}");
        }
    }

    private static AlpacaOptions LiveFromEnvironment(Func<string, string?> read)
    {
        var stage = Setting(read, StageVariable);
        var confirmation = Setting(read, LiveTradingVariable);
        var missing = new List<(string Required, string Actual)>();
        if (!string.Equals(stage, "prod", StringComparison.Ordinal))
        {
            missing.Add(($"{StageVariable}=prod", Shown(stage)));
        }

        if (!string.Equals(confirmation, "confirmed", StringComparison.Ordinal))
        {
            missing.Add(($"{LiveTradingVariable}=confirmed", Shown(confirmation)));
        }

        if (missing.Count > 0)
        {
            throw new ConfigurationException(
                $"live trading refused: {TradingModeVariable}=live also needs {string.Join(" and ", missing.Select(m => $"{m.Required} (it is {m.Actual})"))}",
                $"set {string.Join(" and ", missing.Select(m => m.Required))} to trade real money, or {TradingModeVariable}=paper");
        }

        return Live(confirmed: true);
    }

    private static string? Setting(Func<string, string?> read, string name) =>
        read(name) is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private static string Shown(string? value) => value is null ? "unset" : $"'{value}'";

    private static string AbsoluteUrl(string variable, string value)
    {
        AbsoluteUri(variable, value);
        return value;
    }

    private static Uri AbsoluteUri(string name, string? value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new ConfigurationException(
                $"{name} must be an absolute http(s) URL, got {Shown(value)}",
                $"e.g. {PaperTradingUrl}, or http://127.0.0.1:<port> for a local Alpaca-compatible server");
        }

        return uri;
    }
}
