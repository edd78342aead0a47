namespace Alchemiser.Core.MarketData;

/// <summary>One trading day of one symbol. Prices are money and therefore decimal.</summary>
public readonly record struct DailyBar(DateOnly Date, decimal Open, decimal High, decimal Low, decimal Close, long Volume);
