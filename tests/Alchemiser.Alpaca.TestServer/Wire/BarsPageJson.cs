namespace Alchemiser.Alpaca.TestServer.Wire;

/// <summary>GET /v2/stocks/bars (components/schemas/stock_bars_resp): bars by symbol, and the token of the next page (null on the last).</summary>
internal sealed record BarsPageJson(IReadOnlyDictionary<string, IReadOnlyList<BarJson>> Bars, string? NextPageToken);
