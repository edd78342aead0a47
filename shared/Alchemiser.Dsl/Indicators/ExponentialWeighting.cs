using System.Runtime.CompilerServices;

namespace Alchemiser.Dsl.Indicators;

/// <summary>
/// The exponentially weighted mean EW(x, a) of DSL.md §6, operation for operation:
/// f = 1 − a; y_0 = x_0; for k ≥ 1, y_k = y_{k−1} when x_k == y_{k−1}, else y_k = (f·y_{k−1} + a·x_k) / (f + a).
/// </summary>
/// <remarks>
/// The algebraically equal <c>y + a(x − y)</c> rounds differently in the last bits and is deliberately not used;
/// the bit-exact conformance cases (e.g. RSI 3 of 10, 10, 11, 10 = 40) depend on this exact operation order.
/// Every recursive indicator (EMA, RSI, PPO, PPO signal) steps through <see cref="Next"/> so all of them share
/// the one definition.
/// </remarks>
public static class ExponentialWeighting
{
    /// <summary>Writes EW(<paramref name="x"/>, <paramref name="a"/>) into the first <c>x.Length</c> elements of <paramref name="y"/>.</summary>
    /// <param name="x">The input series x_0 … x_m, oldest first.</param>
    /// <param name="a">The smoothing factor a (the weight of the newest value).</param>
    /// <param name="y">Destination; at least as long as <paramref name="x"/>. It may be the same memory as <paramref name="x"/>.</param>
    public static void Apply(ReadOnlySpan<double> x, double a, Span<double> y)
    {
        if (y.Length < x.Length)
        {
            throw new ArgumentException("The destination is shorter than the input series.", nameof(y));
        }

        if (x.IsEmpty)
        {
            return;
        }

        var f = 1 - a;
        var denominator = f + a;
        var previous = x[0];
        y[0] = previous;
        for (var k = 1; k < x.Length; k++)
        {
            previous = Next(previous, x[k], f, a, denominator);
            y[k] = previous;
        }
    }

    /// <summary>One EW step: y_k from y_{k−1} and x_k, with <paramref name="denominator"/> = f + a computed once by the caller.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double Next(double previous, double x, double f, double a, double denominator) =>
        x == previous ? previous : (f * previous + a * x) / denominator;
}
