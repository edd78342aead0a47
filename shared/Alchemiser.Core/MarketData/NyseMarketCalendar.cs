namespace Alchemiser.Core.MarketData;

/// <summary>The market-calendar port over <see cref="NyseCalendar"/>'s rules, with no network.</summary>
public sealed class NyseMarketCalendar : IMarketCalendar
{
    public Task<MarketDay> GetDayAsync(DateOnly date, CancellationToken cancellationToken = default)
    {
        var open = NyseCalendar.IsTradingDay(date);
        var reason = open ? null : NyseCalendar.HolidayName(date) ?? "weekend";
        return Task.FromResult(new MarketDay(date, open, open && NyseCalendar.IsEarlyClose(date), reason));
    }
}
