using System.Globalization;

namespace Alchemiser.Core.MarketData;

/// <summary>
/// What the <see cref="IBarStore"/> port promises about a series, checked where bars enter a store or a file:
/// strictly increasing dates, positive closes, non-negative volumes.
/// </summary>
public static class BarSeriesRules
{
    /// <summary>Throws unless <paramref name="bars"/> keeps the port's rules.</summary>
    /// <exception cref="ArgumentException">The series breaks a rule; the message names the symbol and the bar.</exception>
    public static void Check(string symbol, IReadOnlyList<DailyBar> bars, string parameterName)
    {
        for (var i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            if (i > 0 && bar.Date <= bars[i - 1].Date)
            {
                throw new ArgumentException(Message(symbol, $"bar {i} date {bar.Date:yyyy-MM-dd} is not after {bars[i - 1].Date:yyyy-MM-dd}"), parameterName);
            }

            if (bar.Close <= 0m)
            {
                throw new ArgumentException(Message(symbol, $"bar {i} ({bar.Date:yyyy-MM-dd}) close {bar.Close} is not positive"), parameterName);
            }

            if (bar.Volume < 0)
            {
                throw new ArgumentException(Message(symbol, $"bar {i} ({bar.Date:yyyy-MM-dd}) volume {bar.Volume} is negative"), parameterName);
            }
        }
    }

    private static string Message(string symbol, FormattableString problem) =>
        $"{symbol}: " + problem.ToString(CultureInfo.InvariantCulture);
}
