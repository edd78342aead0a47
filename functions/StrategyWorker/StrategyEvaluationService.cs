using Alchemiser.Core.Hosting;
using Alchemiser.Core.Errors;
using Alchemiser.Core.Events;
using Alchemiser.Core.MarketData;
using Alchemiser.Core.Time;
using Alchemiser.Dsl.Binding;
using Alchemiser.Dsl.Evaluation;
using Alchemiser.Dsl.Pricing;
using Alchemiser.Dsl.Results;
using Alchemiser.Dsl.Syntax;

namespace Alchemiser.StrategyWorker;

/// <summary>
/// StrategyWorker's logic: evaluates one strategy for the run's trading date on stored bars (plus today's live bar
/// when the policy says so) and publishes <see cref="PartialSignalGenerated"/>, or
/// <see cref="StrategyEvaluationFailed"/> with the error's category and one line — never a stack trace.
/// Event ids are deterministic, so a redelivered request publishes the same event again, not a new one.
/// </summary>
public sealed class StrategyEvaluationService(IBarStore bars, IQuoteSource quotes, IEventPublisher events, IClock clock, StrategyLibrary library)
{
    private const int MaxPathEntries = 64;

    /// <summary>Evaluates the request and publishes the outcome, which it returns.</summary>
    public async Task<EventEnvelope> HandleAsync(EventEnvelope request, CancellationToken cancellationToken = default)
    {
        var r = request.PayloadAs<StrategyEvaluationRequested>();
        EventEnvelope outcome;
        try
        {
            var symphony = library.Get(r.StrategyFile);
            var (prices, liveBar) = await PricesAsync(symphony, r, cancellationToken).ConfigureAwait(false);
            var result = new StrategyEngine(prices).Evaluate(symphony, r.TradingDate, r.StrategyId);
            var partial = new PartialSignalGenerated(
                r.SessionId,
                r.TradingDate,
                r.StrategyId,
                r.StrategyFile,
                r.AllocationWeight,
                DataAsOf(symphony, prices, r.TradingDate),
                liveBar,
                result.Weights.ToDictionary(w => w.Key, w => w.Value, StringComparer.Ordinal),
                Summarize(result));
            outcome = Envelope(partial, request, EventTypes.PartialSignalGenerated, r.StrategyId);
        }
        catch (AlchemiserException e)
        {
            var reason = e is DslException dsl ? dsl.Display : e.Message;
            var failed = new StrategyEvaluationFailed(
                r.SessionId, r.TradingDate, r.StrategyId, r.StrategyFile, r.AllocationWeight, CategoryName(e.Category), OneLine(reason));
            outcome = Envelope(failed, request, EventTypes.StrategyEvaluationFailed, r.StrategyId);
        }

        await events.PublishAsync([outcome], cancellationToken).ConfigureAwait(false);
        return outcome;
    }

    /// <summary>The category as events and e-mails spell it: <c>strategy</c>, <c>data</c>, …</summary>
    public static string CategoryName(ErrorCategory category) => category.ToString().ToLowerInvariant();

    private async Task<(IPriceSource Prices, bool LiveBar)> PricesAsync(Symphony symphony, StrategyEvaluationRequested r, CancellationToken cancellationToken)
    {
        IPriceSource stored = new BarStorePriceSource(bars);
        if (!string.Equals(r.LiveBarPolicy, LiveBarPolicies.LiveBar, StringComparison.Ordinal))
        {
            return (stored, false);
        }

        var missingToday = symphony.Stats.Tickers
            .Select(t => t.Ticker)
            .Where(t => stored.GetBars(t) is var b && (b.Count == 0 || b[^1].Date < r.TradingDate))
            .ToList();
        if (missingToday.Count == 0)
        {
            return (stored, false);
        }

        var latest = await quotes.GetLatestPricesAsync(missingToday, cancellationToken).ConfigureAwait(false);
        var live = latest.Values
            .Where(p => MarketTime.TradingDateOf(p.Timestamp) == r.TradingDate && p.Price > 0m)
            .ToDictionary(p => p.Symbol, p => (double)p.Price, StringComparer.Ordinal);
        return live.Count == 0 ? (stored, false) : (new LiveBarPriceSource(stored, r.TradingDate, live), true);
    }

    /// <summary>The newest bar date, on or before the trading date, among the strategy's tickers.</summary>
    private static DateOnly DataAsOf(Symphony symphony, IPriceSource prices, DateOnly tradingDate)
    {
        var latest = DateOnly.MinValue;
        foreach (var ticker in symphony.Stats.Tickers)
        {
            var series = prices.GetBars(ticker.Ticker);
            for (var i = series.Count - 1; i >= 0; i--)
            {
                if (series[i].Date <= tradingDate)
                {
                    latest = series[i].Date > latest ? series[i].Date : latest;
                    break;
                }
            }
        }

        return latest == DateOnly.MinValue ? tradingDate : latest;
    }

    private static TraceSummary Summarize(EvaluationResult result)
    {
        var path = result.Trace
            .OfType<IfTrace>()
            .Take(MaxPathEntries)
            .Select(e => e.At + " " + e.Branch)
            .ToList();
        return new TraceSummary(result.Trace.Count, path);
    }

    private EventEnvelope Envelope<T>(T payload, EventEnvelope cause, string type, string strategyId)
        where T : IEventPayload<T> =>
        EventEnvelope.Create(
            payload,
            EventEnvelope.DeterministicId(cause.CorrelationId, type, strategyId),
            cause.CorrelationId,
            cause.EventId,
            clock.UtcNow,
            EventSources.StrategyWorker,
            nameof(StrategyEvaluationService));

    private static string OneLine(string text)
    {
        var line = text.ReplaceLineEndings(" ");
        return line.Length <= 500 ? line : line[..497] + "...";
    }
}
