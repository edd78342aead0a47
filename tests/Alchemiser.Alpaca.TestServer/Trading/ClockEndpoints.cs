using Alchemiser.Alpaca.TestServer.Http;
using Alchemiser.Alpaca.TestServer.Wire;
using Alchemiser.Core.Time;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Alchemiser.Alpaca.TestServer.Trading;

/// <summary>
/// GET /v2/clock and GET /v2/calendar from the broker's clock and calendar. The calendar's <c>start</c> and
/// <c>end</c> (dates, or RFC-3339 instants read as their New York date; both included) default to 1970-01-01 and the
/// end of next year; <c>date_type=SETTLEMENT</c> selects days by settlement date. The extended session is 04:00 to
/// 20:00 New York, 17:00 on an early close. Invalid parameters are 400, as the spec says.
/// </summary>
internal sealed class ClockEndpoints(ServerState state)
{
    private static readonly DateOnly FirstCalendarDay = new(1970, 1, 1);

    /// <summary>Calendar days fetched past the range so every day in it has its settlement date.</summary>
    private const int SettlementLookahead = 15;

    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/v2/clock", new RequestDelegate(ClockAsync));
        routes.MapGet("/v2/calendar", new RequestDelegate(CalendarAsync));
    }

    private async Task ClockAsync(HttpContext context)
    {
        var clock = await state.Broker.GetClockAsync(state.Stopping);
        var json = new ClockJson(WireText.NewYork(clock.Timestamp), clock.IsOpen, WireText.NewYork(clock.NextOpen), WireText.NewYork(clock.NextClose));
        await ResponseWriter.OkAsync(context, json, AlpacaJsonContext.Default.ClockJson);
    }

    private async Task CalendarAsync(HttpContext context)
    {
        var query = QueryReader.Data(context.Request);
        var start = query.Date("start") ?? FirstCalendarDay;
        var end = query.Date("end") ?? new DateOnly(MarketTime.TradingDateOf(state.Clock.UtcNow).Year + 1, 12, 31);
        var bySettlement = (query.OneOf("date_type", "TRADING", "SETTLEMENT") ?? "TRADING") == "SETTLEMENT";
        var days = new List<CalendarDayJson>();
        if (start <= end)
        {
            var from = bySettlement ? start.AddDays(-SettlementLookahead) : start;
            var sessions = await state.Broker.GetCalendarAsync(from, end.AddDays(SettlementLookahead), state.Stopping);
            var dates = sessions.Select(s => s.Date).ToArray();
            for (var i = 0; i < sessions.Count; i++)
            {
                var session = sessions[i];
                var settles = Settlement.DateOf(dates, i);
                var key = bySettlement ? settles : session.Date;
                if (settles is not { } settlementDate || key < start || key > end)
                {
                    continue;
                }

                var earlyClose = WireText.NewYorkTime(session.Closes, "HH:mm") != "16:00";
                days.Add(new CalendarDayJson(
                    WireText.Date(session.Date),
                    WireText.NewYorkTime(session.Opens, "HH:mm"),
                    WireText.NewYorkTime(session.Closes, "HH:mm"),
                    "0400",
                    earlyClose ? "1700" : "2000",
                    WireText.Date(settlementDate)));
            }
        }

        await ResponseWriter.OkAsync<IReadOnlyList<CalendarDayJson>>(context, days, AlpacaJsonContext.Default.IReadOnlyListCalendarDayJson);
    }
}
