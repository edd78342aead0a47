using Alchemiser.Core.Trading;

namespace Alchemiser.Core.Brokerage;

/// <summary>The wire spelling of <see cref="OrderSide"/> in events and the ledger: <c>buy</c> / <c>sell</c>.</summary>
public static class OrderSides
{
    /// <summary><c>buy</c> or <c>sell</c>.</summary>
    public static string ToWire(this OrderSide side) => side switch
    {
        OrderSide.Buy => FillSides.Buy,
        OrderSide.Sell => FillSides.Sell,
        _ => throw new ArgumentOutOfRangeException(nameof(side), side, "unknown order side"),
    };

    /// <summary>The side spelled <paramref name="wire"/>; false for anything but <c>buy</c> / <c>sell</c>.</summary>
    public static bool TryFromWire(string? wire, out OrderSide side)
    {
        (var known, side) = wire switch
        {
            FillSides.Buy => (true, OrderSide.Buy),
            FillSides.Sell => (true, OrderSide.Sell),
            _ => (false, default),
        };
        return known;
    }

    /// <summary>The side spelled <paramref name="wire"/>; throws <see cref="ArgumentException"/> for anything but <c>buy</c> / <c>sell</c>.</summary>
    public static OrderSide FromWire(string wire) => wire switch
    {
        FillSides.Buy => OrderSide.Buy,
        FillSides.Sell => OrderSide.Sell,
        _ => throw new ArgumentException($"'{wire}' is not a side; a side is '{FillSides.Buy}' or '{FillSides.Sell}'", nameof(wire)),
    };
}
