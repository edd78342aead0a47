using Alchemiser.Core.MarketData;

namespace Alchemiser.Functions.Tests.Support;

/// <summary>A quote source that knows fixed prices (or none).</summary>
public sealed class FixedQuotes(IReadOnlyDictionary<string, LatestPrice>? prices = null) : IQuoteSource
{
    public Task<IReadOnlyDictionary<string, LatestPrice>> GetLatestPricesAsync(IReadOnlyCollection<string> symbols, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyDictionary<string, LatestPrice>>(
            (prices ?? new Dictionary<string, LatestPrice>()).Where(p => symbols.Contains(p.Key)).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal));
}
