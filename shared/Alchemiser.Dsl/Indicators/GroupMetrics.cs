namespace Alchemiser.Dsl.Indicators;

/// <summary>
/// The group scores of DSL.md §7.3 rule 5: metrics on a group's daily return series r_1 … r_n, given as fractions
/// (0.028 for +2.8 %), oldest first. Doubles, operations in the order the spec writes them; no allocation.
/// </summary>
/// <remarks>
/// An empty series throws <see cref="ArgumentException"/>: the caller always has n ≥ 1 returns (window ≥ 1, and fewer
/// than n + 1 trading days already raised <c>InsufficientHistory</c>).
/// </remarks>
public static class GroupMetrics
{
    private static readonly double Sqrt252 = Math.Sqrt(252);

    /// <summary>moving-average-return: (Σ r_j / n) × 100, summed oldest first.</summary>
    public static double MovingAverageReturn(ReadOnlySpan<double> r)
    {
        RequireReturns(r);
        var sum = 0.0;
        foreach (var x in r)
        {
            sum += x;
        }

        return sum / r.Length * 100;
    }

    /// <summary>cumulative-return: (Π (1 + r_j) − 1) × 100, product oldest first.</summary>
    public static double CumulativeReturn(ReadOnlySpan<double> r)
    {
        RequireReturns(r);
        var product = 1.0;
        foreach (var x in r)
        {
            product *= 1 + x;
        }

        return (product - 1) * 100;
    }

    /// <summary>stdev-return: R_j = 100·r_j; population σ of R (μ = ΣR / n, √(Σ(R − μ)² / n)) × √252.</summary>
    public static double StdevReturn(ReadOnlySpan<double> r)
    {
        RequireReturns(r);
        var sum = 0.0;
        foreach (var x in r)
        {
            sum += 100 * x;
        }

        var mean = sum / r.Length;
        var squares = 0.0;
        foreach (var x in r)
        {
            var deviation = 100 * x - mean;
            squares += deviation * deviation;
        }

        return Math.Sqrt(squares / r.Length) * Sqrt252;
    }

    /// <summary>
    /// max-drawdown: e_0 = 1, e_j = e_{j−1}(1 + r_j), peak_j = max(e_0 … e_j); max_j (peak_j − e_j) / peak_j × 100.
    /// Positive (≥ 0); portfolio-mode filters negate it themselves.
    /// </summary>
    public static double MaxDrawdown(ReadOnlySpan<double> r)
    {
        RequireReturns(r);
        var equity = 1.0;
        var peak = 1.0;
        var worst = 0.0;
        foreach (var x in r)
        {
            equity *= 1 + x;
            if (equity > peak)
            {
                peak = equity;
            }

            var drawdown = (peak - equity) / peak * 100;
            if (drawdown > worst)
            {
                worst = drawdown;
            }
        }

        return worst;
    }

    /// <summary>
    /// rsi: p_0 = 100, p_j = p_{j−1}(1 + r_j), δ_j = p_j − p_{j−1}; AG_1 = max(δ_1, 0), AL_1 = max(−δ_1, 0);
    /// AG_j = AG_{j−1} + α(max(δ_j, 0) − AG_{j−1}) with α = 1/n (AL alike); AL_n = 0 → 100, else
    /// 100 − 100/(1 + AG_n/AL_n).
    /// </summary>
    public static double Rsi(ReadOnlySpan<double> r)
    {
        RequireReturns(r);
        var alpha = 1.0 / r.Length;
        var previous = 100.0;
        var averageGain = 0.0;
        var averageLoss = 0.0;
        for (var j = 0; j < r.Length; j++)
        {
            var price = previous * (1 + r[j]);
            var delta = price - previous;
            previous = price;
            var gain = delta > 0 ? delta : 0.0;
            var loss = delta < 0 ? -delta : 0.0;
            if (j == 0)
            {
                averageGain = gain;
                averageLoss = loss;
            }
            else
            {
                averageGain += alpha * (gain - averageGain);
                averageLoss += alpha * (loss - averageLoss);
            }
        }

        return averageLoss == 0 ? 100 : 100 - 100 / (1 + averageGain / averageLoss);
    }

    private static void RequireReturns(ReadOnlySpan<double> r)
    {
        if (r.IsEmpty)
        {
            throw new ArgumentException("A group metric needs at least one return.", nameof(r));
        }
    }
}
