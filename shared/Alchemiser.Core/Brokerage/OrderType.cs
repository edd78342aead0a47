namespace Alchemiser.Core.Brokerage;

/// <summary>Market (fill at the opposite side now) or limit (fill at the limit price or better).</summary>
public enum OrderType
{
    Market,
    Limit,
}
