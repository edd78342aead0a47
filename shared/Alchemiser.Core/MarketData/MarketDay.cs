namespace Alchemiser.Core.MarketData;

/// <summary>What the market calendar says about one date.</summary>
/// <param name="IsOpen">The market trades that day.</param>
/// <param name="IsEarlyClose">It closes early (13:00 New York).</param>
/// <param name="ClosedReason">Why it is closed: a holiday's name, or "weekend"; null when open.</param>
public sealed record MarketDay(DateOnly Date, bool IsOpen, bool IsEarlyClose, string? ClosedReason);
