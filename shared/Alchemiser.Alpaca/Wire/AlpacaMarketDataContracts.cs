using System.Text.Json.Serialization;

namespace Alchemiser.Alpaca.Wire;

// The Market Data API v2 stock shapes the client reads (market-data-api.json). Prices here are JSON numbers, read
// straight into decimal (exact, no double in between); timestamps stay strings (RFC 3339 with nanoseconds).

/// <summary>One page of <c>GET /v2/stocks/bars</c> (schema <c>stock_bars_resp</c>).</summary>
internal sealed class BarsPageJson
{
    [JsonPropertyName("bars")]
    public Dictionary<string, List<BarJson>?>? Bars { get; init; }

    [JsonPropertyName("next_page_token")]
    public string? NextPageToken { get; init; }
}

/// <summary>One bar (schema <c>stock_bar</c>).</summary>
internal sealed class BarJson
{
    [JsonPropertyName("t")]
    public string? Timestamp { get; init; }

    [JsonPropertyName("o")]
    public decimal Open { get; init; }

    [JsonPropertyName("h")]
    public decimal High { get; init; }

    [JsonPropertyName("l")]
    public decimal Low { get; init; }

    [JsonPropertyName("c")]
    public decimal Close { get; init; }

    [JsonPropertyName("v")]
    public long Volume { get; init; }
}

/// <summary><c>GET /v2/stocks/quotes/latest</c> (schema <c>stock_latest_quotes_resp</c>).</summary>
internal sealed class LatestQuotesJson
{
    [JsonPropertyName("quotes")]
    public Dictionary<string, QuoteJson?>? Quotes { get; init; }
}

/// <summary>One quote (schema <c>stock_quote</c>).</summary>
internal sealed class QuoteJson
{
    [JsonPropertyName("t")]
    public string? Timestamp { get; init; }

    [JsonPropertyName("bp")]
    public decimal BidPrice { get; init; }

    [JsonPropertyName("bs")]
    public decimal BidSize { get; init; }

    [JsonPropertyName("ap")]
    public decimal AskPrice { get; init; }

    [JsonPropertyName("as")]
    public decimal AskSize { get; init; }
}

/// <summary><c>GET /v2/stocks/trades/latest</c> (schema <c>stock_latest_trades_resp</c>).</summary>
internal sealed class LatestTradesJson
{
    [JsonPropertyName("trades")]
    public Dictionary<string, TradeJson?>? Trades { get; init; }
}

/// <summary>One trade (schema <c>stock_trade</c>).</summary>
internal sealed class TradeJson
{
    [JsonPropertyName("t")]
    public string? Timestamp { get; init; }

    [JsonPropertyName("p")]
    public decimal Price { get; init; }
}
