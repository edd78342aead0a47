namespace Alchemiser.Core.Brokerage;

/// <summary>Buy or sell.</summary>
public enum OrderSide
{
    Buy,
    Sell,
}
