using Alchemiser.Core.Brokerage;
using Alchemiser.Core.MarketData;
using Alchemiser.Core.Time;

namespace Alchemiser.Local.Hosting;

/// <summary>
/// A real broker for the local host to trade instead of the paper simulator (Alpaca with <c>alchemiser run --broker
/// alpaca</c>), with the time it runs on and its market calendar. The host then waits in real time, asks
/// <see cref="Calendar"/> whether a date is a trading day, and takes the workers' live bar from the broker's latest
/// trades, as the deployed functions do.
/// </summary>
/// <param name="Broker">The account every order goes to; also the quote source of the live bar.</param>
/// <param name="Calendar">Trading days, holidays and early closes.</param>
/// <param name="Clock">Now (the system clock for a real broker).</param>
/// <param name="Delay">How the executor and the queue wait (the system timer for a real broker).</param>
public sealed record ExternalBrokerage(IBroker Broker, IMarketCalendar Calendar, IClock Clock, IDelay Delay);
