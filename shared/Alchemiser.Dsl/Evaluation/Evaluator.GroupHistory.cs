using System.Globalization;
using Alchemiser.Dsl.Binding;
using Alchemiser.Dsl.Indicators;
using Alchemiser.Dsl.Syntax;

namespace Alchemiser.Dsl.Evaluation;

/// <summary>
/// Scoring a group by its own history (DSL.md §7.3 rules 2–5): its weights on each of the last window+1 trading days
/// of its calendar, the daily returns those weights earned, and the metric over those returns.
/// </summary>
internal sealed partial class Evaluator
{
    private double GroupHistoryScore(BoundGroup group, IndicatorSpec spec, DateOnly asOf, SourceSpan at)
    {
        var n = spec.Window;
        var days = TradingDays(group, asOf, n + 1, at);

        var weights = new Portfolio[n];
        for (var j = 0; j < n; j++)
        {
            var w = GroupWeightsOn(group, days[j]);
            if (w.IsEmpty)
            {
                if (j == 0)
                {
                    throw InsufficientGroupHistory(group, asOf, at,
                        string.Create(CultureInfo.InvariantCulture, $"insufficient history: group '{group.Name}' has no weights on {days[0]:yyyy-MM-dd}"),
                        n + 1, n);
                }

                w = weights[j - 1];
            }

            weights[j] = w;
        }

        Span<double> returns = n <= 256 ? stackalloc double[n] : new double[n];
        for (var j = 1; j <= n; j++)
        {
            double numerator = 0, denominator = 0;
            var held = weights[j - 1];
            foreach (var ticker in held.Tickers)
            {
                var weight = held[ticker];
                if (weight <= 0m)
                {
                    continue;
                }

                var history = engine.History(ticker);
                var previous = CloseOn(history, days[j - 1], at);
                if (previous is not { } p)
                {
                    continue;
                }

                var current = CloseOn(history, days[j], at)!.Value;
                var w = (double)weight;
                numerator += w * ((current / p) - 1);
                denominator += w;
            }

            if (denominator == 0)
            {
                throw InsufficientGroupHistory(group, asOf, at,
                    string.Create(CultureInfo.InvariantCulture, $"insufficient history: group '{group.Name}' holds nothing priced on {days[j - 1]:yyyy-MM-dd}"),
                    n + 1, j);
            }

            returns[j - 1] = numerator / denominator;
        }

        return spec.Kind switch
        {
            IndicatorKind.MovingAverageReturn => GroupMetrics.MovingAverageReturn(returns),
            IndicatorKind.CumulativeReturn => GroupMetrics.CumulativeReturn(returns),
            IndicatorKind.StdevReturn => GroupMetrics.StdevReturn(returns),
            IndicatorKind.MaxDrawdown => GroupMetrics.MaxDrawdown(returns),
            _ => GroupMetrics.Rsi(returns),
        };
    }

    /// <summary>
    /// The last <paramref name="count"/> dates of the group's calendar: distinct bar dates ≤ as-of of every ticker
    /// its body names. Only each ticker's last <paramref name="count"/> dates can be among them, so only those are read.
    /// </summary>
    private DateOnly[] TradingDays(BoundGroup group, DateOnly asOf, int count, SourceSpan at)
    {
        var key = (group, asOf, count);
        if (engine.GroupCalendars.TryGetValue(key, out var cached))
        {
            return cached as DateOnly[] ?? throw (DslException)cached;
        }

        var dates = new SortedSet<DateOnly>();
        try
        {
            foreach (var ticker in group.HistoryTickers)
            {
                var history = engine.History(ticker);
                var length = ViewLength(history, asOf, at);
                foreach (var date in history.Dates(length)[Math.Max(0, length - count)..])
                {
                    dates.Add(date);
                }
            }
        }
        catch (DslException e)
        {
            engine.GroupCalendars[key] = e;
            throw;
        }

        if (dates.Count < count)
        {
            var error = InsufficientGroupHistory(group, asOf, at,
                string.Create(CultureInfo.InvariantCulture,
                    $"insufficient history: group '{group.Name}' as of {asOf:yyyy-MM-dd} needs {count} trading days, {dates.Count} available"),
                count, dates.Count);
            engine.GroupCalendars[key] = error;
            throw error;
        }

        var days = new DateOnly[count];
        var skip = dates.Count - count;
        var i = 0;
        foreach (var date in dates)
        {
            if (skip-- > 0)
            {
                continue;
            }

            days[i++] = date;
        }

        engine.GroupCalendars[key] = days;
        return days;
    }

    /// <summary>W_j: the group's raw weights by the node rule at <paramref name="date"/>, memoized per (group, date), errors too.</summary>
    private Portfolio GroupWeightsOn(BoundGroup group, DateOnly date)
    {
        if (!engine.GroupDays.TryGetValue((group, date), out var day))
        {
            engine.GroupHistoryEvaluations++;
            try
            {
                day = new GroupDay(EvalGroup(group, date, traced: false), null);
            }
            catch (DslException e)
            {
                day = new GroupDay(null, NamingDate(e, group, date));
            }

            engine.GroupDays[(group, date)] = day;
        }

        return day.Weights ?? throw day.Error!;
    }

    /// <summary>A failure inside a nested evaluation names the date it was evaluated at.</summary>
    private static DslException NamingDate(DslException e, BoundGroup group, DateOnly date)
    {
        var day = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (e.Message.Contains(day, StringComparison.Ordinal))
        {
            return e;
        }

        return new DslException(e.Code, e.File, e.Line, e.Column, $"{e.Message} (evaluating group '{group.Name}' as of {day})");
    }

    /// <summary>c_s(d): the last close of the symbol dated ≤ d, or null when it has none yet.</summary>
    private double? CloseOn(SymbolHistory history, DateOnly date, SourceSpan at)
    {
        var length = ViewLength(history, date, at);
        return length == 0 ? null : history.Closes(length)[length - 1];
    }

    private InsufficientHistoryException InsufficientGroupHistory(
        BoundGroup group, DateOnly asOf, SourceSpan at, string message, int needed, int available) =>
        new(file, at, message, group.Name, "group", "", needed, available, asOf);
}
