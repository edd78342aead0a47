namespace Alchemiser.Core.Brokerage;

/// <summary>Where an order is in its life. <see cref="New"/> and <see cref="PartiallyFilled"/> are open; the rest are final.</summary>
public enum OrderStatus
{
    New,
    PartiallyFilled,
    Filled,
    Canceled,
    Replaced,
    Rejected,
    Expired,
}
