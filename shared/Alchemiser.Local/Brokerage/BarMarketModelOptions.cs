namespace Alchemiser.Local.Brokerage;

/// <summary>How <see cref="BarMarketModel"/> turns daily bars into quotes and assets.</summary>
public sealed record BarMarketModelOptions
{
    /// <summary>Half-spread as a share of the day's range (high − low), before the 1 bp floor and 20 bp cap; default 0.02.</summary>
    public decimal SpreadFactor { get; init; } = 0.02m;

    /// <summary>Symbols that trade in whole shares only.</summary>
    public IReadOnlySet<string> NonFractionable { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Symbols the market lists but does not trade.</summary>
    public IReadOnlySet<string> NotTradable { get; init; } = new HashSet<string>(StringComparer.Ordinal);
}
