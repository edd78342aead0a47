using Alchemiser.Core.Brokerage;
using Alchemiser.Core.Events;
using Alchemiser.Core.Hosting;
using Alchemiser.Core.Idempotency;
using Alchemiser.Core.Time;
using Alchemiser.Core.Trading;
using Alchemiser.Portfolio.Planning;

namespace Alchemiser.Portfolio;

/// <summary>
/// Portfolio's logic: on <see cref="SignalGenerated"/>, reads the account, positions, quotes and assets from the broker,
/// builds the <see cref="RebalancePlan"/> and publishes it as <see cref="RebalancePlanned"/>, each trade attributed to
/// the strategies that want it (their share of the symbol's target delta, held shares taken from the ledger).
/// </summary>
/// <remarks>
/// Safe under duplicate delivery: the first plan of a run is kept as an idempotency record and every later delivery
/// republishes that same event (same id, same content) instead of planning again against an account that may already
/// have been traded. A failure before the record is written leaves nothing behind, so a retry plans afresh.
/// </remarks>
public sealed class PortfolioService(
    IBroker broker,
    ITradeLedger ledger,
    IIdempotencyStore idempotency,
    IEventPublisher events,
    IClock clock,
    PlannerSettings settings)
{
    /// <summary>How long a run's plan is remembered for duplicate deliveries.</summary>
    public static TimeSpan PlanRetention { get; } = TimeSpan.FromDays(7);

    /// <summary>Plans the rebalance for a SignalGenerated envelope and publishes it; returns the published event.</summary>
    public async Task<EventEnvelope> HandleAsync(EventEnvelope envelope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var signal = envelope.PayloadAs<SignalGenerated>();
        var eventId = EventEnvelope.DeterministicId(envelope.CorrelationId, EventTypes.RebalancePlanned);

        var planned = await idempotency.GetAsync(eventId, cancellationToken).ConfigureAwait(false);
        if (planned is null)
        {
            var payload = await PlanAsync(signal, cancellationToken).ConfigureAwait(false);
            var fresh = EventEnvelope.Create(
                payload, eventId, envelope.CorrelationId, envelope.EventId, clock.UtcNow, EventSources.Portfolio, nameof(PortfolioService));
            planned = await idempotency.PutIfAbsentAsync(eventId, fresh.ToJson(), clock.UtcNow + PlanRetention, cancellationToken).ConfigureAwait(false);
        }

        var plan = EventEnvelope.FromJson(planned);
        await events.PublishAsync([plan], cancellationToken).ConfigureAwait(false);
        return plan;
    }

    private async Task<RebalancePlanned> PlanAsync(SignalGenerated signal, CancellationToken cancellationToken)
    {
        var account = await broker.GetAccountAsync(cancellationToken).ConfigureAwait(false);
        var positions = await broker.GetPositionsAsync(cancellationToken).ConfigureAwait(false);
        var symbols = new SortedSet<string>(signal.Portfolio.Keys, StringComparer.Ordinal);
        symbols.UnionWith(positions.Select(p => p.Symbol));

        var prices = await PricesAsync(symbols, cancellationToken).ConfigureAwait(false);
        var assets = new Dictionary<string, AssetInfo>(StringComparer.Ordinal);
        foreach (var symbol in symbols)
        {
            if (await broker.GetAssetAsync(symbol, cancellationToken).ConfigureAwait(false) is { } asset)
            {
                assets[symbol] = asset;
            }
        }

        var snapshot = new AccountSnapshot(
            account.Equity,
            account.Cash,
            account.BuyingPower,
            [.. positions.Select(p => new HeldPosition(p.Symbol, p.Quantity, p.CurrentPrice, p.MarketValue))]);
        var plan = RebalancePlanner.Plan(signal.Portfolio, snapshot, prices, assets, settings);

        var heldValues = new Dictionary<string, IReadOnlyDictionary<string, decimal>>(StringComparer.Ordinal);
        foreach (var line in plan.Trades)
        {
            var fills = await ledger.BySymbolAsync(line.Symbol, cancellationToken).ConfigureAwait(false);
            var price = line.EstimatedPrice ?? prices.GetValueOrDefault(line.Symbol);
            heldValues[line.Symbol] = StrategyHoldings.Of(fills).ToDictionary(h => h.Key, h => h.Value * price, StringComparer.Ordinal);
        }

        return plan.ToEvent(
            signal.SessionId,
            signal.TradingDate,
            line => TradeAttribution.For(line.Symbol, line.Side, plan.Capital, signal.Contributions, heldValues[line.Symbol]));
    }

    /// <summary>Mid of a two-sided quote, else the last trade; symbols with neither are left out (the planner blocks their buys).</summary>
    private async Task<Dictionary<string, decimal>> PricesAsync(IReadOnlyCollection<string> symbols, CancellationToken cancellationToken)
    {
        var quotes = await broker.GetLatestQuotesAsync(symbols, cancellationToken).ConfigureAwait(false);
        var prices = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var (symbol, quote) in quotes)
        {
            if (quote.IsTwoSided)
            {
                prices[symbol] = quote.Mid;
            }
        }

        var missing = symbols.Where(s => !prices.ContainsKey(s)).ToList();
        if (missing.Count > 0)
        {
            var trades = await broker.GetLatestPricesAsync(missing, cancellationToken).ConfigureAwait(false);
            foreach (var (symbol, trade) in trades)
            {
                if (trade.Price > 0m)
                {
                    prices[symbol] = trade.Price;
                }
            }
        }

        return prices;
    }
}
