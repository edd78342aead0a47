namespace Alchemiser.Core.Brokerage;

/// <summary>What the broker says about an asset: whether it can be traded at all, and in fractions of a share.</summary>
public sealed record AssetInfo(string Symbol, bool Tradable, bool Fractionable);
