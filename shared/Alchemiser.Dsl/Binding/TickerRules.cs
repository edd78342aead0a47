using System.Text;

namespace Alchemiser.Dsl.Binding;

/// <summary>
/// Ticker normalisation and checking (DSL.md §3 rule 6): upper-cased with the invariant culture, then the whole
/// string must match <c>^[A-Z0-9][A-Z0-9./:_-]{0,31}$</c> (so <c>BRK/B</c> and <c>CRYPTO::BTC//USD</c> pass).
/// </summary>
internal static class TickerRules
{
    public const int MaxLength = 32;

    /// <summary>Whether an already upper-cased ticker has the allowed shape.</summary>
    public static bool IsValid(string ticker)
    {
        if (ticker.Length is 0 or > MaxLength || !IsUpperAlphanumeric(ticker[0]))
        {
            return false;
        }

        for (var i = 1; i < ticker.Length; i++)
        {
            var c = ticker[i];
            if (!IsUpperAlphanumeric(c) && c is not ('.' or '/' or ':' or '_' or '-'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The ticker as an error message quotes it: as written, with control characters escaped.</summary>
    public static string Quote(string written)
    {
        var sb = new StringBuilder(written.Length + 2).Append('\'');
        foreach (var c in written)
        {
            switch (c)
            {
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case < ' ': sb.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture)); break;
                default: sb.Append(c); break;
            }
        }

        return sb.Append('\'').ToString();
    }

    private static bool IsUpperAlphanumeric(char c) => c is (>= 'A' and <= 'Z') or (>= '0' and <= '9');
}
