using Alchemiser.Core.MarketData;
using Alchemiser.Core.Time;

namespace Alchemiser.Cli;

/// <summary>The <c>--date</c> values the run commands take: <c>yyyy-mm-dd</c>, <c>today</c> (New York) or <c>latest</c> (the latest trading day up to today).</summary>
public static class RunDates
{
    public static DateOnly Resolve(string text)
    {
        var today = MarketTime.TradingDateOf(SystemClock.Instance.UtcNow);
        return text switch
        {
            "today" => today,
            "latest" => NyseCalendar.IsTradingDay(today) ? today : NyseCalendar.PreviousTradingDay(today),
            _ => CliParsing.Date(text, "--date"),
        };
    }
}
