namespace Alchemiser.Local.Synthetic;

/// <summary>
/// Knobs of <see cref="StressSymphonyGenerator"/>. The defaults produce a file shaped like the largest real
/// exported symphonies: about 2.25 MB, at least 660 groups, bracket depth exactly 210, 300 distinct tickers.
/// The generator keeps adding content until both <see cref="TargetBytes"/> and <see cref="TargetGroups"/> are
/// reached, and the deepest point is exactly <see cref="TargetDepth"/>.
/// </summary>
public sealed record StressSymphonyOptions
{
    /// <summary>Seed of the generator's own PRNG; the same options always give the same text.</summary>
    public ulong Seed { get; init; } = 20_240_116;

    /// <summary>The <c>defsymphony</c> name.</summary>
    public string Name { get; init; } = "Stress symphony";

    /// <summary>Minimum size of the text, in UTF-8 bytes.</summary>
    public int TargetBytes { get; init; } = 2_250_000;

    /// <summary>Minimum number of <c>group</c> forms.</summary>
    public int TargetGroups { get; init; } = 660;

    /// <summary>The exact maximum bracket depth (16–1,000); reached by a long, nested if-chain (the "spine").</summary>
    public int TargetDepth { get; init; } = 210;

    /// <summary>Size of the ticker universe (at least 40); with the default sizes every universe ticker appears in an <c>asset</c>.</summary>
    public int TickerCount { get; init; } = 300;

    /// <summary>
    /// How many filters over groups (portfolio mode) may enclose each other. Each level scores its candidate groups
    /// by evaluating them at up to 20 earlier dates, so the cost multiplies per level; keep this at 2–3.
    /// </summary>
    public int MaxGroupFilterNesting { get; init; } = 2;

    /// <summary>
    /// Percentage (10–100) of <see cref="TargetBytes"/> placed inside the deep spine; the rest of the bytes, and any
    /// groups still missing, go into shallower top-level groups after it.
    /// </summary>
    public int SpinePercent { get; init; } = 90;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> for values outside the documented ranges.</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Name);
        Check(TargetBytes >= 0 && TargetBytes <= 256 * 1024 * 1024, nameof(TargetBytes), TargetBytes);
        Check(TargetGroups >= 0, nameof(TargetGroups), TargetGroups);
        Check(TargetDepth is >= 16 and <= 1000, nameof(TargetDepth), TargetDepth);
        Check(TickerCount is >= 40 and <= 100_000, nameof(TickerCount), TickerCount);
        Check(MaxGroupFilterNesting is >= 0 and <= 8, nameof(MaxGroupFilterNesting), MaxGroupFilterNesting);
        Check(SpinePercent is >= 10 and <= 100, nameof(SpinePercent), SpinePercent);
        if (Name.Contains('"', StringComparison.Ordinal) || Name.Contains('\\', StringComparison.Ordinal))
        {
            throw new ArgumentException("the name must not contain quotes or backslashes", nameof(Name));
        }
    }

    private static void Check(bool ok, string name, int value)
    {
        if (!ok)
        {
            throw new ArgumentOutOfRangeException(name, value, "outside the supported range");
        }
    }
}
