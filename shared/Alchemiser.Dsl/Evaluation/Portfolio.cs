using Alchemiser.Dsl.Binding;

namespace Alchemiser.Dsl.Evaluation;

/// <summary>
/// Runtime value of DSL.md §4.2: an insertion-ordered map ticker → decimal weight (≥ 0), optionally carrying the
/// identity of the <c>group</c> that produced it, and always the node that produced it (for naming unnamed
/// portfolios in the trace). Built once, then read.
/// </summary>
internal sealed class Portfolio
{
    private readonly List<string> _tickers;
    private readonly Dictionary<string, decimal> _weights;

    private Portfolio(BoundNode producer, BoundGroup? group, List<string> tickers, Dictionary<string, decimal> weights)
    {
        Producer = producer;
        Group = group;
        _tickers = tickers;
        _weights = weights;
    }

    public Portfolio(BoundNode producer, BoundGroup? group = null, int capacity = 4)
        : this(producer, group, new List<string>(capacity), new Dictionary<string, decimal>(capacity, StringComparer.Ordinal))
    {
    }

    /// <summary>The node whose evaluation produced this portfolio.</summary>
    public BoundNode Producer { get; }

    /// <summary>The group identity (DSL.md §5 rule 5), or null for an unnamed portfolio.</summary>
    public BoundGroup? Group { get; }

    /// <summary>Tickers in insertion order.</summary>
    public IReadOnlyList<string> Tickers => _tickers;

    public int Count => _tickers.Count;

    public decimal this[string ticker] => _weights[ticker];

    /// <summary>Σ of the weights; a portfolio is empty when this is 0.</summary>
    public decimal Sum()
    {
        var sum = 0m;
        foreach (var t in _tickers)
        {
            sum += _weights[t];
        }

        return sum;
    }

    public bool IsEmpty => Sum() == 0m;

    /// <summary>Adds <paramref name="weight"/> to the ticker's weight (insertion order kept on first add).</summary>
    public void Add(string ticker, decimal weight)
    {
        if (_weights.TryGetValue(ticker, out var existing))
        {
            _weights[ticker] = existing + weight;
        }
        else
        {
            _tickers.Add(ticker);
            _weights[ticker] = weight;
        }
    }

    /// <summary>Adds every weight of <paramref name="other"/> multiplied by <paramref name="factor"/>.</summary>
    public void AddScaled(Portfolio other, decimal factor)
    {
        foreach (var t in other._tickers)
        {
            Add(t, other._weights[t] * factor);
        }
    }

    /// <summary>The same weights under another identity (the weight map is shared: portfolios are not mutated once built).</summary>
    public Portfolio WithIdentity(BoundNode producer, BoundGroup? group) => new(producer, group, _tickers, _weights);

    /// <summary>Normalize(p) of DSL.md §4.2: each weight ÷ Σ, unchanged when Σ = 0.</summary>
    public Portfolio Normalized(BoundNode producer)
    {
        var sum = Sum();
        var result = new Portfolio(producer, null, _tickers.Count);
        foreach (var t in _tickers)
        {
            result.Add(t, sum == 0m ? _weights[t] : _weights[t] / sum);
        }

        return result;
    }

    /// <summary>A single-ticker portfolio {t: 1}.</summary>
    public static Portfolio Single(BoundNode producer, string ticker, BoundGroup? group = null)
    {
        var p = new Portfolio(producer, group, 1);
        p.Add(ticker, 1m);
        return p;
    }

    /// <summary>The ordinal-smallest ticker (portfolio-mode tie-break), or null when there are none.</summary>
    public string? SmallestTicker()
    {
        string? min = null;
        foreach (var t in _tickers)
        {
            if (min is null || string.CompareOrdinal(t, min) < 0)
            {
                min = t;
            }
        }

        return min;
    }
}
