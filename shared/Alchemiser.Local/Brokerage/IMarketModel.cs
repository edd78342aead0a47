using Alchemiser.Core.Brokerage;
using Alchemiser.Core.MarketData;

namespace Alchemiser.Local.Brokerage;

/// <summary>
/// What the simulated market looks like at any instant: the paper broker matches its orders against it and answers
/// quote, price and asset questions from it. Implementations are deterministic (the same question always gets the
/// same answer) and safe to call from several threads.
/// </summary>
public interface IMarketModel
{
    /// <summary>The best bid and ask of <paramref name="symbol"/> at <paramref name="instant"/>; null when there is none.</summary>
    Quote? QuoteAt(string symbol, DateTimeOffset instant);

    /// <summary>The last trade of <paramref name="symbol"/> at or before <paramref name="instant"/>; null when there is none.</summary>
    LatestPrice? LastTradeAt(string symbol, DateTimeOffset instant);

    /// <summary>What the market says about <paramref name="symbol"/>; null when it does not list it.</summary>
    AssetInfo? Asset(string symbol);
}
