namespace Alchemiser.Local.Synthetic;

/// <summary>
/// How one synthetic ticker behaves. <see cref="ReferencePrice"/> is its close on the last day of every
/// generation (paths are anchored at the end so today's prices look like real ones whatever the range);
/// <see cref="BaseVolume"/> is a typical daily volume. Rates and volatilities are annual.
/// </summary>
internal abstract record TickerProfile(decimal ReferencePrice, long BaseVolume);
