using Alchemiser.Core.MarketData;

namespace Alchemiser.Cli.DataFetch;

/// <summary>A symbol's file in the datalake as it was found: its bars, or what is wrong with it.</summary>
/// <param name="Bars">The bars, oldest first; null when the file could not be read.</param>
/// <param name="Problem">Why the file could not be read; null when it could.</param>
public sealed record StoredSeries(IReadOnlyList<DailyBar>? Bars, string? Problem)
{
    public static StoredSeries Of(IReadOnlyList<DailyBar> bars) => new(bars, null);

    public static StoredSeries Unreadable(string problem) => new(null, problem);
}
