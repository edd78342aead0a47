namespace Alchemiser.Core.MarketData;

/// <summary>
/// Port: daily price history from a market-data vendor (Alpaca's historical bars when deployed), used to fill and
/// top up the datalake.
/// </summary>
public interface IDailyBarSource
{
    /// <summary>
    /// The split- and dividend-adjusted daily bars of each of <paramref name="symbols"/> from <paramref name="from"/> to
    /// <paramref name="to"/>, both dates included, oldest first with one bar per trading date (New York). A symbol with
    /// no bar in the range is absent from the result.
    /// </summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<DailyBar>>> GetDailyBarsAsync(
        IReadOnlyCollection<string> symbols, DateOnly from, DateOnly to, CancellationToken cancellationToken = default);
}
