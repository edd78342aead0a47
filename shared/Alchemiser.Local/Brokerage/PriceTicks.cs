namespace Alchemiser.Local.Brokerage;

/// <summary>
/// US equity price increments (Reg NMS rule 612, as Alpaca enforces it): whole cents at or above $1, hundredths of
/// a cent below.
/// </summary>
internal static class PriceTicks
{
    /// <summary>The price increment that applies at <paramref name="price"/>.</summary>
    public static decimal SizeAt(decimal price) => price >= 1m ? 0.01m : 0.0001m;

    /// <summary><paramref name="price"/> rounded to the nearest increment (halves away from zero).</summary>
    public static decimal Nearest(decimal price) => decimal.Round(price, Decimals(price), MidpointRounding.AwayFromZero);

    /// <summary><paramref name="price"/> rounded down to an increment.</summary>
    public static decimal Down(decimal price) => decimal.Round(price, Decimals(price), MidpointRounding.ToNegativeInfinity);

    /// <summary><paramref name="price"/> rounded up to an increment.</summary>
    public static decimal Up(decimal price) => decimal.Round(price, Decimals(price), MidpointRounding.ToPositiveInfinity);

    /// <summary>True when <paramref name="price"/> is a whole number of increments.</summary>
    public static bool IsOnTick(decimal price) => decimal.Round(price, Decimals(price)) == price;

    private static int Decimals(decimal price) => price >= 1m ? 2 : 4;
}
