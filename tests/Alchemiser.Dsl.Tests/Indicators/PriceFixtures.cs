namespace Alchemiser.Dsl.Tests.Indicators;

/// <summary>
/// The price fixtures of DSL.md §12: AAA, BBB and CCC (CCC starts 2024-01-11; no bar on 2024-01-15), plus the
/// T6(c) live bar for AAA. Closes are returned as the as-of view the evaluator hands to the indicator math.
/// </summary>
internal static class PriceFixtures
{
    private static readonly DateOnly[] Dates =
    [
        new(2024, 1, 2), new(2024, 1, 3), new(2024, 1, 4), new(2024, 1, 5), new(2024, 1, 8),
        new(2024, 1, 9), new(2024, 1, 10), new(2024, 1, 11), new(2024, 1, 12), new(2024, 1, 16),
    ];

    private static readonly Dictionary<string, (DateOnly Date, double Close)[]> Bars = new(StringComparer.Ordinal)
    {
        ["AAA"] = Zip(Dates, [100, 102, 101, 105, 103, 108, 107, 110, 109, 112]),
        ["BBB"] = Zip(Dates, [50, 49, 51, 48, 47, 49, 46, 45, 47, 43]),
        ["CCC"] = Zip(Dates[7..], [10, 11, 10.5]),
    };

    /// <summary>The T1 as-of date.</summary>
    public static readonly DateOnly AsOf = new(2024, 1, 16);

    /// <summary>Closes of <paramref name="symbol"/> dated on or before <paramref name="asOf"/>, oldest first.</summary>
    public static double[] ClosesAsOf(string symbol, DateOnly asOf) =>
        [.. Bars[symbol].Where(bar => bar.Date <= asOf).Select(bar => bar.Close)];

    /// <summary>AAA with the T6(c) live bar (2024-01-17, 113.5) appended.</summary>
    public static double[] AaaWithLiveBar() => [.. ClosesAsOf("AAA", AsOf), 113.5];

    private static (DateOnly, double)[] Zip(DateOnly[] dates, double[] closes) =>
        [.. dates.Zip(closes, (date, close) => (date, close))];
}
