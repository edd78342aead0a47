using Alchemiser.Core.Brokerage;
using Alchemiser.Core.MarketData;
using Alchemiser.Core.Time;

namespace Alchemiser.Alpaca;

/// <summary>
/// The market-calendar port over a broker's calendar (Alpaca's <c>/v2/calendar</c> through <see cref="AlpacaClient"/>):
/// a date the calendar lists is open, and an early close when it closes before 16:00 New York; a date it leaves out
/// is closed — "weekend" on Saturdays and Sundays, else the holiday's name from the NYSE rules or "market holiday".
/// The calendar is read a whole month at a time and kept, so a run asks Alpaca once per month it looks at.
/// Thread-safe.
/// </summary>
public sealed class AlpacaMarketCalendar(IBroker broker) : IMarketCalendar
{
    private static readonly TimeOnly RegularClose = new(16, 0);

    private readonly IBroker _broker = broker ?? throw new ArgumentNullException(nameof(broker));
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<(int Year, int Month), IReadOnlyDictionary<DateOnly, MarketSession>> _months = [];

    /// <inheritdoc />
    public async Task<MarketDay> GetDayAsync(DateOnly date, CancellationToken cancellationToken = default)
    {
        var month = await MonthAsync(date, cancellationToken).ConfigureAwait(false);
        if (month.TryGetValue(date, out var session))
        {
            var closes = TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(session.Closes, MarketTime.NewYork).DateTime);
            return new MarketDay(date, IsOpen: true, IsEarlyClose: closes < RegularClose, ClosedReason: null);
        }

        var reason = date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday
            ? "weekend"
            : NyseCalendar.HolidayName(date) ?? "market holiday";
        return new MarketDay(date, IsOpen: false, IsEarlyClose: false, ClosedReason: reason);
    }

    private async Task<IReadOnlyDictionary<DateOnly, MarketSession>> MonthAsync(DateOnly date, CancellationToken cancellationToken)
    {
        var key = (date.Year, date.Month);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_months.TryGetValue(key, out var month))
            {
                var first = new DateOnly(date.Year, date.Month, 1);
                var sessions = await _broker.GetCalendarAsync(first, first.AddMonths(1).AddDays(-1), cancellationToken).ConfigureAwait(false);
                month = sessions.GroupBy(s => s.Date).ToDictionary(g => g.Key, g => g.First());
                _months[key] = month;
            }

            return month;
        }
        finally
        {
            _gate.Release();
        }
    }
}
