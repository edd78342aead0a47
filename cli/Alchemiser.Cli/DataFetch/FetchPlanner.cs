using System.Globalization;
using Alchemiser.Core.MarketData;

namespace Alchemiser.Cli.DataFetch;

/// <summary>
/// Decides, per symbol, what <c>data fetch</c> asks Alpaca for, so that a second run asks for nothing and an
/// interrupted one picks up where it stopped. A file covers the range when it starts by the range's first trading day
/// (NYSE) and ends by its last — or when earlier fetches already asked for those dates (<see cref="FetchedRange"/>),
/// because Alpaca has no more of that symbol. A file that ends early is fetched from its last date on, one bar of
/// overlap, so the merge can prove the stored history still matches Alpaca's adjusted prices. Anything else (no file,
/// an unreadable or empty one, one that starts late) is fetched whole, keeping the span of the stored file.
/// </summary>
public static class FetchPlanner
{
    /// <summary>The plan for <paramref name="symbol"/> over <paramref name="start"/> … <paramref name="end"/>.</summary>
    /// <param name="stored">The file as found; null when there is none.</param>
    /// <param name="fetched">The dates earlier fetches asked for; null when none is known.</param>
    public static FetchStep Plan(string symbol, StoredSeries? stored, FetchedRange? fetched, DateOnly start, DateOnly end)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        if (end < start)
        {
            throw new ArgumentException($"the range ends ({Format(end)}) before it starts ({Format(start)})", nameof(end));
        }

        if (stored is null)
        {
            return new FetchStep(symbol, FetchKind.Full, start, end, "no file yet");
        }

        if (stored.Bars is null)
        {
            return new FetchStep(symbol, FetchKind.Full, start, end, "unreadable file (" + stored.Problem + "), fetched anew");
        }

        var bars = stored.Bars;
        if (bars.Count == 0)
        {
            return new FetchStep(symbol, FetchKind.Full, start, end, "empty file");
        }

        var first = bars[0].Date;
        var last = bars[^1].Date;
        var headCovered = first <= FirstTradingDay(start) || (fetched?.From <= start && fetched.FirstBar == first);
        var tailCovered = last >= LastTradingDay(end) || (fetched?.Through >= end && fetched.LastBar == last);
        if (!headCovered)
        {
            var to = last > end ? last : end;
            return new FetchStep(symbol, FetchKind.Full, start, to, $"file starts {Format(first)}, after {Format(start)}");
        }

        return tailCovered
            ? new FetchStep(symbol, FetchKind.UpToDate, start, end, "up to date")
            : new FetchStep(symbol, FetchKind.Append, last, end, $"file ends {Format(last)}");
    }

    /// <summary>
    /// The whole refetch of a symbol whose stored history no longer matches Alpaca's: the range, widened to the span
    /// the file already had so nothing it held is lost.
    /// </summary>
    public static FetchStep Refetch(string symbol, IReadOnlyList<DailyBar> stored, DateOnly start, DateOnly end, string reason)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var from = stored.Count > 0 && stored[0].Date < start ? stored[0].Date : start;
        var to = stored.Count > 0 && stored[^1].Date > end ? stored[^1].Date : end;
        return new FetchStep(symbol, FetchKind.Full, from, to, reason);
    }

    /// <summary>The first NYSE trading day on or after <paramref name="date"/>.</summary>
    public static DateOnly FirstTradingDay(DateOnly date) => NyseCalendar.IsTradingDay(date) ? date : NyseCalendar.NextTradingDay(date);

    /// <summary>The last NYSE trading day on or before <paramref name="date"/>.</summary>
    public static DateOnly LastTradingDay(DateOnly date) => NyseCalendar.IsTradingDay(date) ? date : NyseCalendar.PreviousTradingDay(date);

    internal static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
