using System.Globalization;

namespace Alchemiser.Local.Tests.Ledger;

/// <summary>Decimals written in test tables as invariant text (attributes cannot hold decimals).</summary>
internal static class Number
{
    public static decimal Of(string text) => decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);
}
