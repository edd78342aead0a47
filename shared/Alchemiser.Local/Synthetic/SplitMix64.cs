namespace Alchemiser.Local.Synthetic;

/// <summary>
/// SplitMix64 (Steele, Lea, Flood 2014): a 64-bit counter run through a bijective finalizer. Used only to expand
/// a seed into the state of <see cref="Xoshiro256StarStar"/>; pure integer arithmetic, so identical everywhere.
/// </summary>
internal struct SplitMix64(ulong state)
{
    private ulong _state = state;

    public ulong Next()
    {
        unchecked
        {
            _state += 0x9E3779B97F4A7C15UL;
            var z = _state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
