namespace Alchemiser.Core.MarketData;

/// <summary>
/// A weekday on which the exchange is closed all day, with the holiday's name; <c>(observed)</c> is appended when
/// the holiday itself falls on a weekend and this is the weekday it moved to.
/// </summary>
public readonly record struct MarketHoliday(DateOnly Date, string Name);
