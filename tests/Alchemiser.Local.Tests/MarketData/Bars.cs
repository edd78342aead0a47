using System.Globalization;
using Alchemiser.Core.MarketData;

namespace Alchemiser.Local.Tests.MarketData;

/// <summary>Short-hand for building bars in tests.</summary>
internal static class Bars
{
    public static DailyBar Bar(string date, decimal open, decimal high, decimal low, decimal close, long volume) =>
        new(DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture), open, high, low, close, volume);

    /// <summary>A bar whose open, high and low equal its close.</summary>
    public static DailyBar Close(string date, decimal close, long volume = 1000) => Bar(date, close, close, close, close, volume);
}
