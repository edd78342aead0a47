namespace Alchemiser.Alpaca.TestServer.Wire;

/// <summary>One element of GET /v2/calendar (components/schemas/legacy_calendar_day): New York wall-clock times.</summary>
/// <param name="Open">Regular open, <c>HH:mm</c>.</param>
/// <param name="Close">Regular close, <c>HH:mm</c> (<c>13:00</c> on an early close).</param>
/// <param name="SessionOpen">Extended session open, <c>HHmm</c>.</param>
/// <param name="SessionClose">Extended session close, <c>HHmm</c>.</param>
internal sealed record CalendarDayJson(string Date, string Open, string Close, string SessionOpen, string SessionClose, string SettlementDate);
