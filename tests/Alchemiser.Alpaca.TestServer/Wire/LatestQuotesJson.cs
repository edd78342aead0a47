namespace Alchemiser.Alpaca.TestServer.Wire;

/// <summary>GET /v2/stocks/quotes/latest (components/schemas/stock_latest_quotes_resp).</summary>
internal sealed record LatestQuotesJson(IReadOnlyDictionary<string, QuoteJson> Quotes);
