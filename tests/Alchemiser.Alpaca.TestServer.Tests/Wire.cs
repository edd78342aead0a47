using System.Globalization;

namespace Alchemiser.Alpaca.TestServer.Tests;

/// <summary>Reads the server's wire values.</summary>
public static class Wire
{
    /// <summary>A decimal sent as a JSON string (fails the test on anything else, null included).</summary>
    public static decimal Decimal(string? text)
    {
        Assert.NotNull(text);
        return decimal.Parse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
    }

    /// <summary>An RFC-3339 timestamp sent as a JSON string.</summary>
    public static DateTimeOffset Instant(string? text)
    {
        Assert.NotNull(text);
        return DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
    }
}
