using Alchemiser.Dsl.Binding;

namespace Alchemiser.Dsl.Indicators;

/// <summary>
/// The indicator values of DSL.md §6 in <see cref="double"/> arithmetic, IEEE operations in the order the spec writes
/// them (bit-for-bit with the reference engine).
/// </summary>
/// <remarks>
/// <para>
/// Window indicators take the as-of view P_0 … P_t (oldest first) and return the value at t. They read only the last
/// window's bars, allocate nothing and run in O(window). The caller checks
/// <c>closes.Length &gt;= <see cref="BarsNeeded"/></c> first (and raises <c>DSL301</c>); a violated precondition
/// throws <see cref="ArgumentException"/> here, it is never silently answered.
/// </para>
/// <para>
/// Recursive indicators (EMA, RSI, PPO, PPO signal) depend on every bar from P_0, so they are returned as a full
/// series: element i is the definition applied to <c>closes[0..i]</c> alone (no look-ahead), which lets the caller
/// compute once per (ticker, params) and index by as-of. Elements with <c>i + 1 &lt; BarsNeeded</c> are
/// <see cref="double.NaN"/>.
/// </para>
/// </remarks>
public static class IndicatorMath
{
    private static readonly double Sqrt252 = Math.Sqrt(252);

    /// <summary>
    /// Bars needed per the §6 'Needed' column: current-price 1, MAP n, EMA n, RSI n, CR n+1, MAR n+1, SDR n+1,
    /// SDP n, MDD n, PPO l, PPO signal l+k.
    /// </summary>
    public static int BarsNeeded(IndicatorSpec spec) => spec.Kind switch
    {
        IndicatorKind.CurrentPrice => 1,
        IndicatorKind.MovingAveragePrice => spec.Window,
        IndicatorKind.ExponentialMovingAveragePrice => spec.Window,
        IndicatorKind.Rsi => spec.Window,
        IndicatorKind.CumulativeReturn => spec.Window + 1,
        IndicatorKind.MovingAverageReturn => spec.Window + 1,
        IndicatorKind.StdevReturn => spec.Window + 1,
        IndicatorKind.StdevPrice => spec.Window,
        IndicatorKind.MaxDrawdown => spec.Window,
        IndicatorKind.PercentagePriceOscillator => spec.LongWindow,
        IndicatorKind.PercentagePriceOscillatorSignal => spec.LongWindow + spec.SmoothWindow,
        _ => throw new ArgumentOutOfRangeException(nameof(spec), spec.Kind, "Unknown indicator kind."),
    };

    // ---------------------------------------------------------------- window indicators

    /// <summary>moving-average-price n: (P_{t−n+1} + … + P_t) / n, summed oldest first; n bit-equal closes give that close.</summary>
    public static double MovingAveragePrice(ReadOnlySpan<double> closes, int n)
    {
        var window = LastWindow(closes, n, n);
        var first = window[0];
        var allEqual = true;
        var sum = 0.0;
        foreach (var close in window)
        {
            sum += close;
            allEqual &= close == first;
        }

        return allEqual ? first : sum / n;
    }

    /// <summary>cumulative-return n: (P_t / P_{t−n} − 1) × 100.</summary>
    public static double CumulativeReturn(ReadOnlySpan<double> closes, int n)
    {
        var window = LastWindow(closes, n, n + 1);
        return (window[n] / window[0] - 1) * 100;
    }

    /// <summary>
    /// moving-average-return n: r_k = P_k / P_{k−1} − 1 for the last n k; (Σ r_k, oldest first) / n × 100;
    /// n bit-equal returns give r_t × 100.
    /// </summary>
    public static double MovingAverageReturn(ReadOnlySpan<double> closes, int n)
    {
        var window = LastWindow(closes, n, n + 1);
        var first = window[1] / window[0] - 1;
        var last = first;
        var allEqual = true;
        var sum = 0.0;
        for (var k = 1; k <= n; k++)
        {
            last = window[k] / window[k - 1] - 1;
            sum += last;
            allEqual &= last == first;
        }

        return allEqual ? last * 100 : sum / n * 100;
    }

    /// <summary>
    /// stdev-return n: R_k = 100(P_k / P_{k−1} − 1) for the last n k; μ = ΣR / n; √(Σ(R − μ)² / n) × √252
    /// (population, annualised); n bit-equal R_k give 0.
    /// </summary>
    public static double StdevReturn(ReadOnlySpan<double> closes, int n)
    {
        var window = LastWindow(closes, n, n + 1);
        var first = PercentReturn(window, 1);
        var allEqual = true;
        var sum = 0.0;
        for (var k = 1; k <= n; k++)
        {
            var r = PercentReturn(window, k);
            sum += r;
            allEqual &= r == first;
        }

        if (allEqual)
        {
            return 0;
        }

        // Second pass recomputes R_k (same operations, same bits) instead of buffering them: no allocation.
        var mean = sum / n;
        var squares = 0.0;
        for (var k = 1; k <= n; k++)
        {
            var deviation = PercentReturn(window, k) - mean;
            squares += deviation * deviation;
        }

        return Math.Sqrt(squares / n) * Sqrt252;
    }

    /// <summary>stdev-price n: sample deviation √(Σ(x − x̄)² / (n − 1)) of the last n closes; n bit-equal closes give 0. Needs n ≥ 2.</summary>
    public static double StdevPrice(ReadOnlySpan<double> closes, int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 2);
        var window = LastWindow(closes, n, n);
        var first = window[0];
        var allEqual = true;
        var sum = 0.0;
        foreach (var close in window)
        {
            sum += close;
            allEqual &= close == first;
        }

        if (allEqual)
        {
            return 0;
        }

        var mean = sum / n;
        var squares = 0.0;
        foreach (var close in window)
        {
            var deviation = close - mean;
            squares += deviation * deviation;
        }

        return Math.Sqrt(squares / (n - 1));
    }

    /// <summary>max-drawdown n: over the last n closes x_1 … x_n, max_k (1 − x_k / max_{j≤k} x_j) × 100; never negative.</summary>
    public static double MaxDrawdown(ReadOnlySpan<double> closes, int n)
    {
        var window = LastWindow(closes, n, n);
        var peak = window[0];
        var worst = 0.0;
        foreach (var close in window)
        {
            if (close > peak)
            {
                peak = close;
            }

            var drawdown = (1 - close / peak) * 100;
            if (drawdown > worst)
            {
                worst = drawdown;
            }
        }

        return worst;
    }

    // ---------------------------------------------------------------- recursive indicators (full series)

    /// <summary>exponential-moving-average-price n: E = EW(P, 2/(n+1)) from P_0; element i is E_i (NaN while i + 1 &lt; n).</summary>
    public static double[] EmaSeries(ReadOnlySpan<double> closes, int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        var result = new double[closes.Length];
        ExponentialWeighting.Apply(closes, EmaFactor(n), result);
        MarkWarmUp(result, n);
        return result;
    }

    /// <summary>
    /// rsi n: Δ_0 = 0, Δ_k = P_k − P_{k−1}; G = max(Δ, 0), L = max(−Δ, 0); α = 1/n, c = (1 − α)/α, a = 1/(1 + c);
    /// AG = EW(G, a), AL = EW(L, a) from P_0. AL_i = 0 → 100 if AG_i &gt; 0 else 50; otherwise
    /// 100 − 100/(1 + AG_i/AL_i). NaN while i + 1 &lt; n.
    /// </summary>
    public static double[] RsiSeries(ReadOnlySpan<double> closes, int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        var result = new double[closes.Length];
        if (closes.IsEmpty)
        {
            return result;
        }

        // a goes through c exactly as written: for some n it is not the double nearest 1/n.
        var alpha = 1.0 / n;
        var c = (1 - alpha) / alpha;
        var a = 1 / (1 + c);
        var f = 1 - a;
        var denominator = f + a;

        // Δ_0 = 0, so G_0 = L_0 = 0 and EW starts both averages at 0.
        var gain = 0.0;
        var loss = 0.0;
        result[0] = RsiValue(gain, loss);
        for (var i = 1; i < closes.Length; i++)
        {
            var delta = closes[i] - closes[i - 1];
            gain = ExponentialWeighting.Next(gain, delta > 0 ? delta : 0.0, f, a, denominator);
            loss = ExponentialWeighting.Next(loss, delta < 0 ? -delta : 0.0, f, a, denominator);
            result[i] = RsiValue(gain, loss);
        }

        MarkWarmUp(result, n);
        return result;
    }

    /// <summary>
    /// percentage-price-oscillator s l: (E^s_i − E^l_i) / E^l_i × 100 with E^w = EW(P, 2/(w+1)), both from P_0.
    /// NaN while i + 1 &lt; l.
    /// </summary>
    public static double[] PpoSeries(ReadOnlySpan<double> closes, int shortWindow, int longWindow)
    {
        var oscillator = new PpoState(shortWindow, longWindow);
        var result = new double[closes.Length];
        for (var i = 0; i < closes.Length; i++)
        {
            result[i] = oscillator.Add(closes[i], i);
        }

        MarkWarmUp(result, longWindow);
        return result;
    }

    /// <summary>
    /// percentage-price-oscillator-signal s l k: Q_j = PPO at bar l − 1 + j, S = EW(Q, 2/(k+1)); element i is
    /// S_{i − (l − 1)}. NaN while i + 1 &lt; l + k.
    /// </summary>
    public static double[] PpoSignalSeries(ReadOnlySpan<double> closes, int shortWindow, int longWindow, int smoothWindow)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(smoothWindow, 1);
        var oscillator = new PpoState(shortWindow, longWindow);
        var a = EmaFactor(smoothWindow);
        var f = 1 - a;
        var denominator = f + a;
        var result = new double[closes.Length];
        var signal = 0.0;
        for (var i = 0; i < closes.Length; i++)
        {
            var q = oscillator.Add(closes[i], i);
            if (i < longWindow - 1)
            {
                continue;
            }

            signal = i == longWindow - 1 ? q : ExponentialWeighting.Next(signal, q, f, a, denominator);
            result[i] = signal;
        }

        MarkWarmUp(result, longWindow + smoothWindow);
        return result;
    }

    // ---------------------------------------------------------------- helpers

    /// <summary>The EMA factor 2/(n+1) (bit-equal to the reference's 1/(1 + (n − 1)/2)).</summary>
    private static double EmaFactor(int n) => 2.0 / (n + 1);

    private static double PercentReturn(ReadOnlySpan<double> window, int k) => 100 * (window[k] / window[k - 1] - 1);

    private static double RsiValue(double averageGain, double averageLoss)
    {
        if (averageLoss == 0)
        {
            return averageGain > 0 ? 100 : 50;
        }

        return 100 - 100 / (1 + averageGain / averageLoss);
    }

    /// <summary>The last <paramref name="count"/> closes, after checking the window and the caller's length precondition.</summary>
    private static ReadOnlySpan<double> LastWindow(ReadOnlySpan<double> closes, int n, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        if (closes.Length < count)
        {
            throw new ArgumentException(
                string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"{count} closes needed, {closes.Length} given; the caller checks BarsNeeded first."),
                nameof(closes));
        }

        return closes[^count..];
    }

    /// <summary>Sets the elements before the first readable one (i + 1 &lt; needed) to NaN, so a misuse cannot pass unnoticed.</summary>
    private static void MarkWarmUp(double[] series, int needed) =>
        series.AsSpan(0, Math.Clamp(needed - 1, 0, series.Length)).Fill(double.NaN);

    /// <summary>Running short and long EMAs of the closes, both seeded with P_0, and their oscillator.</summary>
    private struct PpoState
    {
        private readonly double shortA;
        private readonly double shortF;
        private readonly double shortDenominator;
        private readonly double longA;
        private readonly double longF;
        private readonly double longDenominator;
        private double shortEma;
        private double longEma;

        public PpoState(int shortWindow, int longWindow)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(shortWindow, 1);
            ArgumentOutOfRangeException.ThrowIfLessThan(longWindow, 1);
            shortA = EmaFactor(shortWindow);
            shortF = 1 - shortA;
            shortDenominator = shortF + shortA;
            longA = EmaFactor(longWindow);
            longF = 1 - longA;
            longDenominator = longF + longA;
        }

        /// <summary>Adds close P_i and returns the PPO at bar i.</summary>
        public double Add(double close, int i)
        {
            if (i == 0)
            {
                shortEma = close;
                longEma = close;
            }
            else
            {
                shortEma = ExponentialWeighting.Next(shortEma, close, shortF, shortA, shortDenominator);
                longEma = ExponentialWeighting.Next(longEma, close, longF, longA, longDenominator);
            }

            return (shortEma - longEma) / longEma * 100;
        }
    }
}
