namespace Alchemiser.Local.Synthetic;

/// <summary>
/// xoshiro256** (Blackman, Vigna 2018): the generator behind every random draw of the synthetic market. One stream
/// per (seed, stream key) so that a ticker's numbers never depend on which other tickers are generated.
/// Normals are Irwin–Hall (sum of twelve uniforms minus six: mean 0, variance 1, bounded by ±6): only additions, so
/// the result is bit-identical on every machine, which Box–Muller's logarithm and cosine would not guarantee.
/// </summary>
internal struct Xoshiro256StarStar
{
    private const double UnitScale = 1.0 / (1UL << 53);

    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    private Xoshiro256StarStar(ulong s0, ulong s1, ulong s2, ulong s3)
    {
        _s0 = s0;
        _s1 = s1;
        _s2 = s2;
        _s3 = s3;
    }

    /// <summary>The stream for <paramref name="streamKey"/> (a <see cref="StableHash"/>) under <paramref name="seed"/>.</summary>
    public static Xoshiro256StarStar Create(int seed, ulong streamKey)
    {
        var outer = new SplitMix64(unchecked((ulong)(long)seed));
        var inner = new SplitMix64(outer.Next() ^ streamKey);
        var s0 = inner.Next();
        var s1 = inner.Next();
        var s2 = inner.Next();
        var s3 = inner.Next();
        if ((s0 | s1 | s2 | s3) == 0)
        {
            s0 = 1;
        }

        return new Xoshiro256StarStar(s0, s1, s2, s3);
    }

    public ulong NextUInt64()
    {
        unchecked
        {
            var result = RotateLeft(_s1 * 5, 7) * 9;
            var t = _s1 << 17;
            _s2 ^= _s0;
            _s3 ^= _s1;
            _s1 ^= _s2;
            _s0 ^= _s3;
            _s2 ^= t;
            _s3 = RotateLeft(_s3, 45);
            return result;
        }
    }

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * UnitScale;

    /// <summary>Approximately standard normal, in [-6, 6].</summary>
    public double NextNormal()
    {
        var sum = 0.0;
        for (var i = 0; i < 12; i++)
        {
            sum += NextDouble();
        }

        return sum - 6.0;
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
}
