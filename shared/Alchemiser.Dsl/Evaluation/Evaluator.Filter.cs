using System.Globalization;
using Alchemiser.Dsl.Binding;
using Alchemiser.Dsl.Results;
using Alchemiser.Dsl.Syntax;

namespace Alchemiser.Dsl.Evaluation;

/// <summary><c>filter</c> (DSL.md §7): asset mode and portfolio mode, ranking, selection and the trace entry.</summary>
internal sealed partial class Evaluator
{
    private const string KindAsset = "asset";
    private const string KindGroup = "group";
    private const string KindPortfolio = "portfolio";
    private const string MethodIndicator = "indicator";
    private const string MethodHistory = "history";
    private const string MethodWeightedAverage = "weighted-average";

    private Portfolio EvalFilter(BoundFilter node, DateOnly asOf, bool traced)
    {
        var value = Nested(node.Candidates, asOf, traced);
        var portfolios = PortfolioModeCandidates(node, value);
        return portfolios is null
            ? FilterAssets(node, WeightValues.Tickers(value), asOf, traced)
            : FilterPortfolios(node, portfolios, asOf, traced);
    }

    /// <summary>§7.1: the candidates of portfolio mode, or null for asset mode.</summary>
    private static List<Candidate>? PortfolioModeCandidates(BoundFilter node, object value)
    {
        if (value is not ValueList { Items.Count: > 0 } list)
        {
            return null;
        }

        var items = new object[list.Items.Count];
        var anyPortfolio = false;
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = WeightValues.Unwrap(list.Items[i]);
            if (items[i] is Portfolio)
            {
                anyPortfolio = true;
            }
            else if (items[i] is not string)
            {
                return null;
            }
        }

        if (!anyPortfolio)
        {
            return null;
        }

        var candidates = new List<Candidate>(items.Length);
        for (var i = 0; i < items.Length; i++)
        {
            candidates.Add(items[i] is string ticker
                ? new Candidate(ticker, KindAsset, Portfolio.Single(node, ticker), ticker, i)
                : Candidate.Of((Portfolio)items[i], i));
        }

        return candidates;
    }

    /// <summary>§7.2.</summary>
    private Portfolio FilterAssets(BoundFilter node, List<string> tickers, DateOnly asOf, bool traced)
    {
        var scored = new List<(string Ticker, double Score)>(tickers.Count);
        var dropped = traced ? new List<FilterCandidateTrace>() : null;
        foreach (var ticker in tickers)
        {
            try
            {
                scored.Add((ticker, IndicatorValue(ticker, node.Metric.Spec, asOf, node.Metric.At)));
            }
            catch (DslException e)
            {
                dropped?.Add(new FilterCandidateTrace(ticker, KindAsset, MethodIndicator, null, null, false, e.Display));
            }
        }

        var descending = node.Order == FilterOrder.Top;
        scored.Sort((a, b) =>
        {
            var byScore = descending ? b.Score.CompareTo(a.Score) : a.Score.CompareTo(b.Score);
            return byScore != 0 ? byScore : string.CompareOrdinal(a.Ticker, b.Ticker);
        });
        var take = Math.Min(node.Limit ?? int.MaxValue, scored.Count);
        var result = new Portfolio(node, capacity: take);
        if (take > 0)
        {
            var share = 1m / take;
            for (var i = 0; i < take; i++)
            {
                result.Add(scored[i].Ticker, share);
            }
        }

        if (traced)
        {
            var entries = new List<FilterCandidateTrace>(tickers.Count);
            for (var i = 0; i < scored.Count; i++)
            {
                entries.Add(new FilterCandidateTrace(scored[i].Ticker, KindAsset, MethodIndicator, scored[i].Score, i + 1, i < take, null));
            }

            entries.AddRange(dropped!);
            AddFilterTrace(node, "assets", negated: false, entries);
        }

        return result;
    }

    /// <summary>§7.3.</summary>
    private Portfolio FilterPortfolios(BoundFilter node, List<Candidate> candidates, DateOnly asOf, bool traced)
    {
        var spec = node.Metric.Spec;
        var negate = spec.Kind == IndicatorKind.MaxDrawdown;
        var scored = new List<(Candidate Candidate, string Method, double Score)>(candidates.Count);
        var dropped = traced ? new List<FilterCandidateTrace>() : null;
        foreach (var candidate in candidates)
        {
            var method = MethodOf(candidate, spec);
            try
            {
                var score = ScoreCandidate(node, candidate, method, asOf);
                scored.Add((candidate, method, negate ? -score : score));
            }
            catch (DslException e)
            {
                dropped?.Add(new FilterCandidateTrace(candidate.Name, candidate.Kind, method, null, null, false, e.Display));
            }
        }

        var descending = node.Order == FilterOrder.Top;
        scored.Sort((a, b) =>
        {
            var byScore = descending ? b.Score.CompareTo(a.Score) : a.Score.CompareTo(b.Score);
            if (byScore != 0)
            {
                return byScore;
            }

            var byTicker = string.CompareOrdinal(a.Candidate.SmallestTicker, b.Candidate.SmallestTicker);
            return byTicker != 0 ? byTicker : a.Candidate.Position.CompareTo(b.Candidate.Position);
        });
        var take = Math.Min(node.Limit ?? int.MaxValue, scored.Count);
        var result = new Portfolio(node);
        if (take == 1)
        {
            result.AddScaled(scored[0].Candidate.Weights, 1m);
        }
        else if (take > 1)
        {
            var share = 1m / take;
            for (var i = 0; i < take; i++)
            {
                result.AddScaled(scored[i].Candidate.Weights, share);
            }
        }

        if (traced)
        {
            var entries = new List<FilterCandidateTrace>(candidates.Count);
            for (var i = 0; i < scored.Count; i++)
            {
                var (candidate, method, score) = scored[i];
                entries.Add(new FilterCandidateTrace(candidate.Name, candidate.Kind, method, score, i + 1, i < take, null));
            }

            entries.AddRange(dropped!);
            AddFilterTrace(node, "portfolios", negate, entries);
        }

        return result;
    }

    private static string MethodOf(Candidate candidate, IndicatorSpec spec)
    {
        if (candidate.Kind == KindAsset)
        {
            return MethodIndicator;
        }

        var historyMetric = spec.Kind is IndicatorKind.MovingAverageReturn or IndicatorKind.CumulativeReturn
            or IndicatorKind.StdevReturn or IndicatorKind.MaxDrawdown or IndicatorKind.Rsi;
        return candidate.Weights.Group is not null && historyMetric ? MethodHistory : MethodWeightedAverage;
    }

    /// <summary>The candidate's score before max-drawdown negation.</summary>
    private double ScoreCandidate(BoundFilter node, Candidate candidate, string method, DateOnly asOf)
    {
        var spec = node.Metric.Spec;
        var weights = candidate.Weights;
        if (method == MethodIndicator)
        {
            return IndicatorValue(candidate.Name, spec, asOf, node.Metric.At);
        }

        if (!HasPositiveWeight(weights))
        {
            throw Error(DslErrorCodes.EmptyResult, node.Metric.At, $"candidate '{candidate.Name}' has no positive weight");
        }

        if (method == MethodHistory)
        {
            return GroupHistoryScore(weights.Group!, spec, asOf, node.Metric.At);
        }

        double numerator = 0, denominator = 0;
        foreach (var ticker in weights.Tickers)
        {
            var w = (double)weights[ticker];
            numerator += w * IndicatorValue(ticker, spec, asOf, node.Metric.At);
            denominator += w;
        }

        return numerator / denominator;
    }

    private static bool HasPositiveWeight(Portfolio p)
    {
        foreach (var t in p.Tickers)
        {
            if (p[t] > 0m)
            {
                return true;
            }
        }

        return false;
    }

    private void AddFilterTrace(BoundFilter node, string mode, bool negated, List<FilterCandidateTrace> entries) =>
        _trace.Add(new FilterTrace(
            At(node.At),
            _depth,
            node.Metric.Text,
            mode,
            node.Order == FilterOrder.Top ? "top" : "bottom",
            node.Limit,
            negated,
            entries));

    /// <summary>Trace name of an unnamed portfolio: <c>head@line:col</c> of the node that produced it.</summary>
    private static string UnnamedName(BoundNode producer) =>
        string.Create(CultureInfo.InvariantCulture, $"{producer.Head}@{producer.At.Line}:{producer.At.Column}");

    /// <summary>A candidate of portfolio mode with what ranking and the trace need.</summary>
    private sealed record Candidate(string Name, string Kind, Portfolio Weights, string SmallestTicker, int Position)
    {
        public static Candidate Of(Portfolio p, int position) => new(
            p.Group?.Name ?? UnnamedName(p.Producer),
            p.Group is not null ? KindGroup : KindPortfolio,
            p,
            p.SmallestTicker() ?? string.Empty,
            position);
    }
}
