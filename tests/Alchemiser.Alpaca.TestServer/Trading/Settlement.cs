namespace Alchemiser.Alpaca.TestServer.Trading;

/// <summary>
/// US equity settlement: T+1 trading days for trades from 2024-05-28, T+2 from 2017-09-05, T+3 before — the
/// calendar's <c>settlement_date</c>.
/// </summary>
internal static class Settlement
{
    private static readonly DateOnly TPlusOneFrom = new(2024, 5, 28);
    private static readonly DateOnly TPlusTwoFrom = new(2017, 9, 5);

    /// <summary>Trading days from a trade on <paramref name="tradeDate"/> to its settlement.</summary>
    public static int Cycle(DateOnly tradeDate) => tradeDate >= TPlusOneFrom ? 1 : tradeDate >= TPlusTwoFrom ? 2 : 3;

    /// <summary>The settlement date of session <paramref name="index"/> of <paramref name="tradingDays"/> (in date order); null when the list ends too soon.</summary>
    public static DateOnly? DateOf(IReadOnlyList<DateOnly> tradingDays, int index)
    {
        var settles = index + Cycle(tradingDays[index]);
        return settles < tradingDays.Count ? tradingDays[settles] : null;
    }
}
