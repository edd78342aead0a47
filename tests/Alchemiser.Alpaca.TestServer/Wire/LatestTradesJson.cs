namespace Alchemiser.Alpaca.TestServer.Wire;

/// <summary>GET /v2/stocks/trades/latest (components/schemas/stock_latest_trades_resp).</summary>
internal sealed record LatestTradesJson(IReadOnlyDictionary<string, TradeJson> Trades);
