using Alchemiser.Core.Errors;

namespace Alchemiser.Core.MarketData;

/// <summary>
/// The end of every bar store's bulk load: the series by symbol, or every problem at once — a single problem thrown as
/// it is, several as one <see cref="MarketDataException"/> listing them all in the order the symbols were asked for.
/// </summary>
public static class BarPreload
{
    /// <param name="symbols">The distinct symbols asked for, in order.</param>
    /// <param name="loaded">The series of each symbol, at its index (unset where it failed).</param>
    /// <param name="failures">The failures, each at the index of its symbol.</param>
    public static IReadOnlyDictionary<string, IReadOnlyList<DailyBar>> Collect(
        IReadOnlyList<string> symbols, IReadOnlyList<IReadOnlyList<DailyBar>> loaded, IEnumerable<(int Index, MarketDataException Error)> failures)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        ArgumentNullException.ThrowIfNull(loaded);
        ArgumentNullException.ThrowIfNull(failures);
        var ordered = failures.OrderBy(f => f.Index).Select(f => f.Error).ToArray();
        if (ordered.Length == 1)
        {
            throw ordered[0];
        }

        if (ordered.Length > 1)
        {
            throw new MarketDataException(
                $"{ordered.Length} price files could not be loaded:\n" + string.Join("\n", ordered.Select(e => "  " + e.Message)),
                CsvBarFormat.RemediationHint,
                new AggregateException(ordered));
        }

        var result = new Dictionary<string, IReadOnlyList<DailyBar>>(symbols.Count, StringComparer.Ordinal);
        for (var i = 0; i < symbols.Count; i++)
        {
            result[symbols[i]] = loaded[i];
        }

        return result;
    }
}
