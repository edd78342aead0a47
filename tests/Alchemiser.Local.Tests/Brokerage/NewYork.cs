using System.Globalization;
using Alchemiser.Local.Time;

namespace Alchemiser.Local.Tests.Brokerage;

/// <summary>Instants written as New York wall-clock times.</summary>
internal static class NewYork
{
    public static DateOnly Date(string date) => DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateTimeOffset At(string date, int hour, int minute, int second = 0) =>
        SimulatedClock.At(Date(date), new TimeOnly(hour, minute, second)).UtcNow;
}
