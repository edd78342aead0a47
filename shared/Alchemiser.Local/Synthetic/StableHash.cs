using System.Text;

namespace Alchemiser.Local.Synthetic;

/// <summary>
/// FNV-1a 64-bit over the UTF-8 bytes of a name: the same number on every machine and every run, unlike
/// <see cref="string.GetHashCode()"/>, which is randomized per process.
/// </summary>
internal static class StableHash
{
    private const ulong OffsetBasis = 0xCBF29CE484222325UL;
    private const ulong Prime = 0x100000001B3UL;

    public static ulong Of(string name)
    {
        var hash = OffsetBasis;
        foreach (var b in Encoding.UTF8.GetBytes(name))
        {
            hash = unchecked((hash ^ b) * Prime);
        }

        return hash;
    }

    /// <summary>A number in [0, 1) taken from bits of <paramref name="hash"/> selected by <paramref name="salt"/>.</summary>
    public static double Unit(ulong hash, int salt)
    {
        var mixed = new SplitMix64(hash ^ unchecked((ulong)salt * 0xD1B54A32D192ED03UL)).Next();
        return (mixed >> 11) * (1.0 / (1UL << 53));
    }
}
