namespace Alchemiser.Local.Synthetic;

/// <summary>
/// Daily-reset leveraged or inverse fund: its daily return (close to close, and open/high/low relative to the
/// previous close) is <see cref="Leverage"/> × the underlying's. No fees, so the relation is exact up to rounding.
/// </summary>
internal sealed record LeveragedProfile(decimal ReferencePrice, long BaseVolume, string Underlying, double Leverage)
    : TickerProfile(ReferencePrice, BaseVolume);
