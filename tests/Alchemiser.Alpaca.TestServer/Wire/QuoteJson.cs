namespace Alchemiser.Alpaca.TestServer.Wire;

/// <summary>A latest quote (components/schemas/stock_quote): bid/ask price, size and exchange, conditions, tape.</summary>
internal sealed record QuoteJson(string T, string Bx, decimal Bp, long Bs, string Ax, decimal Ap, long As, IReadOnlyList<string> C, string Z);
