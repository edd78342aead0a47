namespace Alchemiser.Core.MarketData;

/// <summary>
/// How a symbol names its price file in a bar folder (CSV folder locally, <c>bars/daily/</c> in S3):
/// <c>&lt;SYMBOL&gt;.csv</c> with every <c>/</c> written as <c>_</c>, so <c>BRK/B</c> is stored as <c>BRK_B.csv</c>.
/// The mapping is case-sensitive and reversible; a symbol that could not survive the round trip (empty,
/// containing <c>_</c>, a path separator, a control character or a leading/trailing blank, or <c>.</c>/<c>..</c>)
/// has no file name.
/// </summary>
public static class SymbolFileName
{
    /// <summary>The extension every price file carries.</summary>
    public const string Extension = ".csv";

    /// <summary>True when <paramref name="symbol"/> can be stored as a file and read back unchanged.</summary>
    public static bool IsValidSymbol(string? symbol)
    {
        if (string.IsNullOrEmpty(symbol) || symbol == "." || symbol == "..")
        {
            return false;
        }

        if (char.IsWhiteSpace(symbol[0]) || char.IsWhiteSpace(symbol[^1]))
        {
            return false;
        }

        foreach (var c in symbol)
        {
            if (c == '_' || c == '\\' || c == ':' || char.IsControl(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The file name of <paramref name="symbol"/>: <c>BRK/B</c> → <c>BRK_B.csv</c>.</summary>
    /// <exception cref="ArgumentException">The symbol has no file name (see <see cref="IsValidSymbol"/>).</exception>
    public static string ToFileName(string symbol)
    {
        if (!IsValidSymbol(symbol))
        {
            throw new ArgumentException($"'{symbol}' is not a symbol that can name a price file", nameof(symbol));
        }

        return symbol.Replace('/', '_') + Extension;
    }

    /// <summary>
    /// The symbol a file name stands for (<c>BRK_B.csv</c> → <c>BRK/B</c>); false for names that are not price
    /// files (another extension, nothing before <c>.csv</c>, a directory part).
    /// </summary>
    public static bool TryGetSymbol(string fileName, out string symbol)
    {
        symbol = string.Empty;
        if (string.IsNullOrEmpty(fileName)
            || !fileName.EndsWith(Extension, StringComparison.Ordinal)
            || fileName.Length == Extension.Length
            || fileName.Contains('/', StringComparison.Ordinal)
            || fileName.Contains('\\', StringComparison.Ordinal))
        {
            return false;
        }

        var candidate = fileName[..^Extension.Length].Replace('_', '/');
        if (!IsValidSymbol(candidate))
        {
            return false;
        }

        symbol = candidate;
        return true;
    }
}
