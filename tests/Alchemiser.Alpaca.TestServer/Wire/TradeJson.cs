namespace Alchemiser.Alpaca.TestServer.Wire;

/// <summary>A latest trade (components/schemas/stock_trade): time, exchange, price, size, conditions, trade id, tape.</summary>
internal sealed record TradeJson(string T, string X, decimal P, long S, IReadOnlyList<string> C, ulong I, string Z);
