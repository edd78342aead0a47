namespace Alchemiser.Core.MarketData;

/// <summary>Port: latest prices, for the live bar of today (Alpaca's latest trades when deployed).</summary>
public interface IQuoteSource
{
    /// <summary>The latest price of each symbol it knows; unknown symbols are left out.</summary>
    Task<IReadOnlyDictionary<string, LatestPrice>> GetLatestPricesAsync(IReadOnlyCollection<string> symbols, CancellationToken cancellationToken = default);
}
