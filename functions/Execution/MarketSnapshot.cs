using Alchemiser.Core.Brokerage;
using Alchemiser.Core.MarketData;

namespace Alchemiser.Execution;

/// <summary>
/// The quotes of some symbols at one instant, with the last trade of those whose quote cannot be used: what a step
/// prices from, and at the start of a phase the arrival mid and the buy prices the buy phase is scaled with.
/// </summary>
internal sealed class MarketSnapshot
{
    private readonly IReadOnlyDictionary<string, Quote> _quotes;
    private readonly IReadOnlyDictionary<string, LatestPrice> _lastTrades;
    private readonly DateTimeOffset _at;
    private readonly TimeSpan _stalenessLimit;

    private MarketSnapshot(IReadOnlyDictionary<string, Quote> quotes, IReadOnlyDictionary<string, LatestPrice> lastTrades, DateTimeOffset at, TimeSpan stalenessLimit)
    {
        _quotes = quotes;
        _lastTrades = lastTrades;
        _at = at;
        _stalenessLimit = stalenessLimit;
    }

    /// <summary>Asks the broker for the quotes of <paramref name="symbols"/>, and for the last trades of those whose quote is unusable.</summary>
    public static async Task<MarketSnapshot> TakeAsync(
        IBroker broker, IReadOnlyCollection<string> symbols, DateTimeOffset now, TimeSpan stalenessLimit, CancellationToken cancellationToken)
    {
        if (symbols.Count == 0)
        {
            return new MarketSnapshot(new Dictionary<string, Quote>(), new Dictionary<string, LatestPrice>(), now, stalenessLimit);
        }

        var quotes = await broker.GetLatestQuotesAsync(symbols, cancellationToken).ConfigureAwait(false);
        var unquoted = symbols.Where(s => !LimitPricing.IsUsable(quotes.GetValueOrDefault(s), now, stalenessLimit)).ToList();
        var lastTrades = unquoted.Count == 0
            ? new Dictionary<string, LatestPrice>()
            : await broker.GetLatestPricesAsync(unquoted, cancellationToken).ConfigureAwait(false);
        return new MarketSnapshot(quotes, lastTrades, now, stalenessLimit);
    }

    /// <summary>The limit price of the step at <paramref name="fraction"/> of the spread; null when there is neither a usable quote nor a last trade.</summary>
    public decimal? StepPrice(string symbol, OrderSide side, decimal fraction) =>
        LimitPricing.StepPrice(side, fraction, _quotes.GetValueOrDefault(symbol), _lastTrades.GetValueOrDefault(symbol), _at, _stalenessLimit);

    /// <summary>The mid of a usable quote; null without one.</summary>
    public decimal? Mid(string symbol) =>
        _quotes.GetValueOrDefault(symbol) is { } quote && LimitPricing.IsUsable(quote, _at, _stalenessLimit) ? quote.Mid : null;

    /// <summary>What a share costs to buy now: the ask of a usable quote, else the last trade; null with neither.</summary>
    public decimal? BuyPrice(string symbol) =>
        _quotes.GetValueOrDefault(symbol) is { } quote && LimitPricing.IsUsable(quote, _at, _stalenessLimit) ? quote.Ask
        : _lastTrades.GetValueOrDefault(symbol) is { Price: > 0m } last ? last.Price
        : null;
}
