namespace Alchemiser.Core.MarketData;

/// <summary>The latest trade price of a symbol and when it traded.</summary>
public sealed record LatestPrice(string Symbol, decimal Price, DateTimeOffset Timestamp);
