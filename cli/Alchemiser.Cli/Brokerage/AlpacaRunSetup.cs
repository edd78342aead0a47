using System.Globalization;
using Alchemiser.Alpaca;
using Alchemiser.Core.Brokerage;
using Alchemiser.Core.Errors;
using Alchemiser.Core.MarketData;
using Alchemiser.Core.Time;

namespace Alchemiser.Cli.Brokerage;

/// <summary>
/// What <c>run --broker alpaca</c> checks before the day starts: Alpaca's clock (a trading run needs the market open
/// now, and is for today), and the trading date the <c>--date</c> words mean on Alpaca's clock and calendar.
/// </summary>
public static class AlpacaRunSetup
{
    /// <summary>The run's trading date; throws when a trading run (<paramref name="trades"/>) is asked for while the market is closed or for another day.</summary>
    /// <param name="dateText"><c>today</c>, <c>latest</c> or <c>yyyy-mm-dd</c>.</param>
    public static async Task<DateOnly> TradingDateAsync(MarketClock clock, IMarketCalendar calendar, string dateText, bool trades, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(calendar);
        var today = MarketTime.TradingDateOf(clock.Timestamp);
        if (trades && !clock.IsOpen)
        {
            throw new ConfigurationException(
                $"the market is closed (Alpaca's clock: {NewYork(clock.Timestamp)}); the next open is {NewYork(clock.NextOpen)}, so no order can be placed now",
                "run again while the market is open (the schedule runs at 15:30 New York), or add --until signal to compute the target portfolio without trading");
        }

        var date = dateText switch
        {
            "today" => today,
            "latest" => await LatestOpenDayAsync(calendar, today, cancellationToken).ConfigureAwait(false),
            _ => CliParsing.Date(dateText, "--date"),
        };
        if (trades && date != today)
        {
            throw new ConfigurationException(
                string.Create(CultureInfo.InvariantCulture, $"--date {date:yyyy-MM-dd}: a run that trades on Alpaca is for today ({today:yyyy-MM-dd} on Alpaca's clock)"),
                "leave --date out (today), or add --until signal to compute the target of another date without trading");
        }

        return date;
    }

    /// <summary>A clock instant as <c>Mon 2025-06-30 09:30 New York</c>.</summary>
    public static string NewYork(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, MarketTime.NewYork).ToString("ddd yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " New York";

    private static async Task<DateOnly> LatestOpenDayAsync(IMarketCalendar calendar, DateOnly today, CancellationToken cancellationToken)
    {
        for (var date = today; date > today.AddDays(-15); date = date.AddDays(-1))
        {
            if ((await calendar.GetDayAsync(date, cancellationToken).ConfigureAwait(false)).IsOpen)
            {
                return date;
            }
        }

        throw new ConfigurationException(
            string.Create(CultureInfo.InvariantCulture, $"Alpaca's calendar has no trading day in the two weeks up to {today:yyyy-MM-dd}"), "give --date yyyy-mm-dd");
    }
}
