namespace Alchemiser.Core.MarketData;

/// <summary>
/// Port: the daily price datalake (CSV folder locally, S3 in AWS). Bars come oldest first with strictly
/// increasing dates.
/// </summary>
public interface IBarStore
{
    /// <summary>Symbols the store holds, ordinal order.</summary>
    IReadOnlyList<string> Symbols();

    /// <summary>True when the store has a series for <paramref name="symbol"/>.</summary>
    bool Contains(string symbol);

    /// <summary>The full daily history of <paramref name="symbol"/>; a <see cref="Errors.MarketDataException"/> naming it when absent.</summary>
    IReadOnlyList<DailyBar> GetBars(string symbol);
}
