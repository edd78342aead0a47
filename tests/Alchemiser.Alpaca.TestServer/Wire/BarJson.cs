namespace Alchemiser.Alpaca.TestServer.Wire;

/// <summary>One bar of the data API (components/schemas/stock_bar): prices and volume as JSON numbers, as Alpaca sends them.</summary>
/// <param name="T">The bar's start, RFC-3339 UTC (a daily bar starts at midnight New York).</param>
/// <param name="N">Trades in the bar.</param>
/// <param name="Vw">Volume-weighted average price.</param>
internal sealed record BarJson(string T, decimal O, decimal H, decimal L, decimal C, long V, long N, decimal Vw);
