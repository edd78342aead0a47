using System.Globalization;

namespace Alchemiser.Local.Synthetic;

/// <summary>
/// The deterministic ticker universe of generated stress symphonies: first a fixed list of real-looking liquid
/// ETF tickers (including two share-class tickers with a slash, <c>BRK/B</c> and <c>BF/B</c>), then generated
/// tickers <c>T001</c>, <c>T002</c>, … up to the requested size. The first <see cref="SignalCount"/> entries are
/// the "signal" tickers that conditions mostly look at.
/// </summary>
public static class StressSymphonyUniverse
{
    /// <summary>How many leading universe entries serve as signal tickers in conditions.</summary>
    public const int SignalCount = 24;

    private static readonly string[] Listed =
    [
        // signal tickers (the first SignalCount entries)
        "SPY", "QQQ", "TQQQ", "SQQQ", "TLT", "IEF", "BIL", "SHY", "UVXY", "VIXY", "SOXL", "TECL",
        "XLK", "SMH", "IWM", "GLD", "UUP", "BND", "SPXL", "UPRO", "XLE", "XLF", "BRK/B", "BF/B",
        // broad equity
        "DIA", "VTI", "VOO", "IVV", "RSP", "MDY", "IJR", "VTV", "VUG", "MTUM", "QUAL", "USMV", "SPLV",
        // rates and credit
        "IEI", "SHV", "SGOV", "AGG", "TIP", "LQD", "HYG", "JNK", "EMB", "MUB", "TLH", "GOVT", "VGIT", "VGLT", "EDV", "ZROZ",
        // commodities and currencies
        "IAU", "SLV", "GDX", "GDXJ", "USO", "UNG", "DBC", "DBA", "PDBC", "CPER", "FXE", "FXY",
        // sectors and industries
        "XLV", "XLY", "XLP", "XLI", "XLB", "XLU", "XLRE", "XLC", "SOXX", "IGV", "VGT", "FDN", "IBB", "XBI", "KRE",
        "KBE", "ITB", "XHB", "XRT", "XOP", "OIH", "VDE", "VNQ", "IYR", "NLR", "URA", "URNM", "ARKK", "ARKW",
        // international
        "EFA", "EEM", "VEA", "VWO", "IEMG", "EWJ", "EWZ", "FXI", "KWEB", "INDA", "EWG", "EWU", "MCHI",
        // leveraged and inverse
        "SPXU", "SPXS", "TECS", "SOXS", "FAS", "FAZ", "TNA", "TZA", "LABU", "LABD", "ERX", "ERY", "TMF", "TMV",
        "SVXY", "VXX", "UGL", "ZSL", "NUGT", "DUST", "CURE", "DRN", "DRV", "UTSL", "TYD", "TYO", "EDC", "EDZ",
        "YINN", "YANG",
    ];

    private static readonly string[] NameWords1 =
        ["Apex", "Harbor", "Summit", "Granite", "Meridian", "Northwind", "Cobalt", "Silverline", "Keystone", "Atlas", "Beacon", "Crescent"];

    private static readonly string[] NameWords2 =
        ["Global", "US", "Broad", "Select", "Core", "Tactical", "Enhanced", "Strategic", "Dynamic", "Quality"];

    private static readonly string[] NameWords3 =
        ["Equity", "Treasury", "Technology", "Energy", "Volatility", "Income", "Growth", "Value", "Momentum", "Commodity", "Credit", "Semiconductor"];

    /// <summary>Number of listed (non-generated) tickers.</summary>
    public static int ListedCount => Listed.Length;

    /// <summary>The first <paramref name="count"/> universe tickers (at least <see cref="SignalCount"/>).</summary>
    public static IReadOnlyList<string> Tickers(int count)
    {
        if (count < SignalCount)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "the universe needs at least the signal tickers");
        }

        var list = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            list.Add(i < Listed.Length
                ? Listed[i]
                : "T" + (i - Listed.Length + 1).ToString("000", CultureInfo.InvariantCulture));
        }

        return list.AsReadOnly();
    }

    /// <summary>A made-up, deterministic fund name for a ticker (used as the optional display name of <c>asset</c>).</summary>
    public static string DisplayName(string ticker)
    {
        ArgumentNullException.ThrowIfNull(ticker);

        // FNV-1a over the ordinal chars: stable everywhere, unlike string.GetHashCode.
        var hash = 2166136261u;
        foreach (var c in ticker)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return NameWords1[hash % (uint)NameWords1.Length] + " "
            + NameWords2[(hash / 16u) % (uint)NameWords2.Length] + " "
            + NameWords3[(hash / 256u) % (uint)NameWords3.Length] + " ETF";
    }
}
