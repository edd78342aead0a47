namespace Alchemiser.Core.MarketData;

/// <summary>Port: trading days, holidays and early closes (NYSE rules locally, Alpaca's calendar when deployed).</summary>
public interface IMarketCalendar
{
    Task<MarketDay> GetDayAsync(DateOnly date, CancellationToken cancellationToken = default);
}
