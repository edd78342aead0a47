using Alchemiser.Core.MarketData;

namespace Alchemiser.Cli.DataFetch;

/// <summary>
/// Fills a datalake from a daily-bar source (Alpaca's adjusted bars) so that it can be stopped and started again:
/// plans each symbol (<see cref="FetchPlanner"/>), asks for the symbols that share a range together in chunks of about
/// one page of bars each, and writes each file whole as soon as its chunk has arrived, then notes what was asked in the
/// <see cref="FetchState"/>. An interrupted fetch leaves complete files only, and the next one asks only for what is
/// still missing. A file whose overlapping bar no longer matches (a split or dividend since, or another source) is
/// fetched again whole.
/// </summary>
/// <param name="source">Where the bars come from.</param>
/// <param name="target">Where they go.</param>
/// <param name="symbolExists">Tells an unknown symbol from one with no bars in the range (Alpaca's asset lookup); null: not told apart.</param>
/// <param name="barsPerRequest">About how many bars one request should bring; chunks of symbols are sized to it.</param>
public sealed class BarFetcher(
    IDailyBarSource source, IFetchTarget target, Func<string, CancellationToken, Task<bool>>? symbolExists = null, int barsPerRequest = BarFetcher.BarsPerRequest)
{
    /// <summary>Bars asked for per request at most (Alpaca's page); chunks are sized to fill about one.</summary>
    public const int BarsPerRequest = 10_000;

    /// <summary>Symbols per request at most (Alpaca's client sends up to 100).</summary>
    public const int MaxSymbolsPerChunk = 100;

    private readonly IDailyBarSource _source = source ?? throw new ArgumentNullException(nameof(source));
    private readonly IFetchTarget _target = target ?? throw new ArgumentNullException(nameof(target));
    private readonly int _barsPerRequest = barsPerRequest >= 1 ? barsPerRequest : throw new ArgumentOutOfRangeException(nameof(barsPerRequest));

    /// <summary>Fetches <paramref name="symbols"/> over <paramref name="start"/> … <paramref name="end"/>; one outcome per symbol, in the order given.</summary>
    public async Task<IReadOnlyList<FetchOutcome>> RunAsync(
        IReadOnlyList<string> symbols, DateOnly start, DateOnly end, IProgress<FetchProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        var stored = await _target.ReadAsync(symbols, cancellationToken).ConfigureAwait(false);
        var state = FetchState.Parse(await _target.ReadStateAsync(cancellationToken).ConfigureAwait(false));
        var outcomes = new Dictionary<string, FetchOutcome>(StringComparer.Ordinal);
        var done = 0;
        var steps = new List<FetchStep>();
        foreach (var symbol in symbols)
        {
            var step = FetchPlanner.Plan(symbol, stored.GetValueOrDefault(symbol), state.Get(symbol), start, end);
            if (step.Kind == FetchKind.UpToDate)
            {
                outcomes[symbol] = new FetchOutcome(symbol, FetchOutcomeKind.UpToDate, stored[symbol].Bars!.Count, step.Reason);
                done++;
            }
            else
            {
                steps.Add(step);
            }
        }

        progress?.Report(new FetchProgress(done, symbols.Count, steps.Count == 0 ? "up to date" : "planning"));
        var refetch = new List<FetchStep>();
        foreach (var chunk in Chunks(steps))
        {
            var first = chunk[0];
            progress?.Report(new FetchProgress(done, symbols.Count, $"{chunk.Length} symbol(s) {FetchPlanner.Format(first.From)} … {FetchPlanner.Format(first.To)}"));
            var bars = await _source.GetDailyBarsAsync(chunk.Select(s => s.Symbol).ToArray(), first.From, first.To, cancellationToken).ConfigureAwait(false);
            foreach (var step in chunk)
            {
                var fetched = bars.GetValueOrDefault(step.Symbol) ?? [];
                var outcome = await ApplyAsync(step, stored.GetValueOrDefault(step.Symbol)?.Bars, fetched, state, start, end, refetch, cancellationToken).ConfigureAwait(false);
                if (outcome is not null)
                {
                    outcomes[step.Symbol] = outcome;
                    done++;
                }
            }

            await _target.WriteStateAsync(state.ToJson(), cancellationToken).ConfigureAwait(false);
            progress?.Report(new FetchProgress(done, symbols.Count, "written"));
        }

        foreach (var chunk in Chunks(refetch))
        {
            var first = chunk[0];
            progress?.Report(new FetchProgress(done, symbols.Count, $"{chunk.Length} re-adjusted symbol(s) {FetchPlanner.Format(first.From)} … {FetchPlanner.Format(first.To)}"));
            var bars = await _source.GetDailyBarsAsync(chunk.Select(s => s.Symbol).ToArray(), first.From, first.To, cancellationToken).ConfigureAwait(false);
            foreach (var step in chunk)
            {
                var fetched = bars.GetValueOrDefault(step.Symbol) ?? [];
                outcomes[step.Symbol] = (await ApplyAsync(step, stored.GetValueOrDefault(step.Symbol)?.Bars, fetched, state, start, end, null, cancellationToken).ConfigureAwait(false))!;
                done++;
            }

            await _target.WriteStateAsync(state.ToJson(), cancellationToken).ConfigureAwait(false);
            progress?.Report(new FetchProgress(done, symbols.Count, "written"));
        }

        foreach (var missing in outcomes.Values.Where(o => o.Kind == FetchOutcomeKind.Missing && o.Note.Length == 0).ToList())
        {
            outcomes[missing.Symbol] = missing with { Note = await WhyMissingAsync(missing.Symbol, start, end, cancellationToken).ConfigureAwait(false) };
        }

        return symbols.Select(s => outcomes[s]).ToList();
    }

    /// <summary>Writes what <paramref name="step"/> fetched; null when the symbol goes to <paramref name="refetch"/> instead.</summary>
    private async Task<FetchOutcome?> ApplyAsync(
        FetchStep step,
        IReadOnlyList<DailyBar>? stored,
        IReadOnlyList<DailyBar> fetched,
        FetchState state,
        DateOnly start,
        DateOnly end,
        List<FetchStep>? refetch,
        CancellationToken cancellationToken)
    {
        if (step.Kind == FetchKind.Append && stored is not null)
        {
            var merged = FetchMerge.Append(stored, fetched);
            if (merged is null)
            {
                if (refetch is null)
                {
                    throw new InvalidOperationException($"{step.Symbol}: a whole refetch cannot need another one");
                }

                refetch.Add(FetchPlanner.Refetch(step.Symbol, stored, start, end, $"{step.Reason}; stored prices differ from Alpaca's adjusted prices on {FetchPlanner.Format(stored[^1].Date)}, fetched anew"));
                return null;
            }

            var added = merged.Count - stored.Count;
            if (added > 0)
            {
                await _target.WriteAsync(step.Symbol, merged, cancellationToken).ConfigureAwait(false);
            }

            var known = state.Get(step.Symbol);
            state.Record(step.Symbol, new FetchedRange(known?.FirstBar == merged[0].Date ? known.From : null, merged[0].Date, step.To, merged[^1].Date));
            return added > 0
                ? new FetchOutcome(step.Symbol, FetchOutcomeKind.Appended, added, $"{step.Reason}; appended {added} bar(s) through {FetchPlanner.Format(merged[^1].Date)}")
                : new FetchOutcome(step.Symbol, FetchOutcomeKind.NothingNew, 0, $"{step.Reason}; Alpaca has no newer bar");
        }

        var bars = FetchMerge.Sorted(fetched);
        if (bars.Count == 0)
        {
            return stored is { Count: > 0 }
                ? new FetchOutcome(step.Symbol, FetchOutcomeKind.Missing, 0, $"Alpaca returned no bars {FetchPlanner.Format(step.From)} … {FetchPlanner.Format(step.To)}; the stored file is kept")
                : new FetchOutcome(step.Symbol, FetchOutcomeKind.Missing, 0, "");
        }

        await _target.WriteAsync(step.Symbol, bars, cancellationToken).ConfigureAwait(false);
        state.Record(step.Symbol, new FetchedRange(step.From, bars[0].Date, step.To, bars[^1].Date));
        return new FetchOutcome(step.Symbol, FetchOutcomeKind.Written, bars.Count, step.Reason);
    }

    private async Task<string> WhyMissingAsync(string symbol, DateOnly start, DateOnly end, CancellationToken cancellationToken)
    {
        var range = $"{FetchPlanner.Format(start)} … {FetchPlanner.Format(end)}";
        if (symbolExists is null)
        {
            return "Alpaca returned no bars " + range;
        }

        bool exists;
        try
        {
            exists = await symbolExists(symbol, cancellationToken).ConfigureAwait(false);
        }
        catch (Core.Errors.AlchemiserException)
        {
            return "Alpaca returned no bars " + range;
        }

        return exists ? "Alpaca knows the symbol but has no daily bars " + range : "unknown symbol: Alpaca has no such asset";
    }

    /// <summary>Steps that share a range, in chunks of about one page of bars (at least one symbol, at most <see cref="MaxSymbolsPerChunk"/>).</summary>
    private IEnumerable<FetchStep[]> Chunks(IEnumerable<FetchStep> steps)
    {
        foreach (var group in steps.GroupBy(s => (s.From, s.To)).OrderBy(g => g.Key.From).ThenBy(g => g.Key.To))
        {
            var days = Math.Max(1, NyseCalendar.TradingDays(group.Key.From, group.Key.To).Count);
            var size = Math.Clamp(_barsPerRequest / days, 1, MaxSymbolsPerChunk);
            foreach (var chunk in group.Chunk(size))
            {
                yield return chunk;
            }
        }
    }
}
