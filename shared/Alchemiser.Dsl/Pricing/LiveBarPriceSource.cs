namespace Alchemiser.Dsl.Pricing;

/// <summary>
/// Adds today's live price as the bar of <see cref="TradingDate"/> (DSL.md §4.1 rule 3) to each symbol whose history
/// has no bar for that date yet; symbols without a live price, or already holding the day's bar, are unchanged.
/// </summary>
public sealed class LiveBarPriceSource(IPriceSource inner, DateOnly tradingDate, IReadOnlyDictionary<string, double> livePrices) : IPriceSource
{
    public DateOnly TradingDate { get; } = tradingDate;

    public IReadOnlyList<PriceBar> GetBars(string symbol)
    {
        var bars = inner.GetBars(symbol);
        if (!livePrices.TryGetValue(symbol, out var price) || (bars.Count > 0 && bars[^1].Date >= TradingDate))
        {
            return bars;
        }

        var withLive = new PriceBar[bars.Count + 1];
        for (var i = 0; i < bars.Count; i++)
        {
            withLive[i] = bars[i];
        }

        withLive[^1] = new PriceBar(TradingDate, price);
        return withLive;
    }
}
