using System.Collections.Frozen;
using static Alchemiser.Local.Synthetic.SectorFactor;

namespace Alchemiser.Local.Synthetic;

/// <summary>
/// The synthetic market's table of well-known tickers, and the generic profile every other ticker gets. Reference
/// prices and volumes are round figures of the right order, not quotes. Lookup ignores case.
/// </summary>
internal static class TickerProfiles
{
    private static readonly FrozenDictionary<string, TickerProfile> Known = Build();

    /// <summary>Every ticker of the table, ordinal order.</summary>
    public static IReadOnlyList<string> KnownTickers { get; } = Known.Keys.Order(StringComparer.Ordinal).ToArray();

    /// <summary>The profile of <paramref name="ticker"/>: the table's, or a generic equity profile derived from its name.</summary>
    public static TickerProfile For(string ticker)
    {
        var key = ticker.ToUpperInvariant();
        return Known.TryGetValue(key, out var profile) ? profile : Generic(key);
    }

    /// <summary>
    /// A stock-like profile whose drift (−2 %…18 %), beta (0.6…1.6), idiosyncratic volatility (15 %…55 %),
    /// reference price (10…400) and volume come from the ticker's <see cref="StableHash"/>, independent of the seed.
    /// </summary>
    internal static EquityProfile Generic(string ticker)
    {
        var hash = StableHash.Of("profile:" + ticker);
        var price = Math.Round((decimal)(10.0 + (390.0 * StableHash.Unit(hash, 3))), 2, MidpointRounding.ToEven);
        var volume = 200_000L + (long)(8_000_000.0 * StableHash.Unit(hash, 4));
        return new EquityProfile(
            price,
            volume,
            AnnualDrift: -0.02 + (0.20 * StableHash.Unit(hash, 0)),
            MarketBeta: 0.6 + StableHash.Unit(hash, 1),
            IdiosyncraticVol: 0.15 + (0.40 * StableHash.Unit(hash, 2)),
            Sectors: []);
    }

    private static FrozenDictionary<string, TickerProfile> Build()
    {
        var t = new Dictionary<string, TickerProfile>(StringComparer.Ordinal);

        // Broad equity ETFs.
        t["SPY"] = Equity(580m, 60_000_000, 0.10, 1.00, 0.01);
        t["VOO"] = Equity(530m, 5_000_000, 0.10, 1.00, 0.01);
        t["IVV"] = Equity(585m, 5_000_000, 0.10, 1.00, 0.01);
        t["VTI"] = Equity(290m, 3_500_000, 0.10, 1.02, 0.015, (SmallCaps, 0.02));
        t["QQQ"] = Equity(500m, 40_000_000, 0.14, 1.10, 0.03, (Technology, 0.09));
        t["DIA"] = Equity(420m, 3_000_000, 0.09, 0.92, 0.04);
        t["IWM"] = Equity(220m, 30_000_000, 0.07, 1.15, 0.05, (SmallCaps, 0.10));
        t["EFA"] = Equity(80m, 15_000_000, 0.06, 0.80, 0.09, (Dollar, -0.04));
        t["EEM"] = Equity(43m, 30_000_000, 0.04, 0.90, 0.13, (Dollar, -0.06));

        // Sectors.
        t["XLK"] = Equity(230m, 7_000_000, 0.16, 1.15, 0.04, (Technology, 0.12));
        t["SMH"] = Equity(250m, 6_000_000, 0.20, 1.40, 0.06, (Technology, 0.14), (Semiconductors, 0.14));
        t["SOXX"] = Equity(220m, 4_000_000, 0.19, 1.40, 0.06, (Technology, 0.14), (Semiconductors, 0.15));
        t["XLF"] = Equity(47m, 40_000_000, 0.09, 1.10, 0.05, (Financials, 0.10));
        t["XLV"] = Equity(145m, 8_000_000, 0.08, 0.75, 0.06, (Health, 0.08));
        t["XBI"] = Equity(95m, 8_000_000, 0.04, 1.20, 0.10, (Health, 0.06), (Biotech, 0.25));
        t["XLI"] = Equity(135m, 9_000_000, 0.09, 1.00, 0.06);
        t["XLY"] = Equity(210m, 4_000_000, 0.10, 1.15, 0.08);
        t["XLB"] = Equity(90m, 5_000_000, 0.07, 1.00, 0.08, (Energy, 0.04));
        t["XLE"] = Equity(90m, 15_000_000, 0.06, 0.80, 0.06, (Energy, 0.22));
        t["XLU"] = Equity(75m, 12_000_000, 0.06, 0.45, 0.11, (Rates, 0.05));
        t["XLP"] = Equity(80m, 9_000_000, 0.06, 0.55, 0.08);
        t["XLRE"] = Equity(42m, 5_000_000, 0.05, 0.85, 0.09, (Rates, 0.06));
        t["VNQ"] = Equity(90m, 4_000_000, 0.05, 0.90, 0.10, (Rates, 0.06));

        // Bonds, commodities, dollar.
        t["TLT"] = Equity(90m, 30_000_000, 0.02, -0.15, 0.02, (Rates, 0.13));
        t["IEF"] = Equity(95m, 8_000_000, 0.02, -0.08, 0.01, (Rates, 0.065));
        t["SHY"] = Equity(82m, 4_000_000, 0.025, -0.01, 0.003, (Rates, 0.012));
        t["TIP"] = Equity(108m, 3_000_000, 0.025, 0.05, 0.02, (Rates, 0.05));
        t["BND"] = Equity(72m, 6_000_000, 0.02, 0.02, 0.01, (Rates, 0.045));
        t["AGG"] = Equity(98m, 7_000_000, 0.02, 0.02, 0.01, (Rates, 0.045));
        t["LQD"] = Equity(108m, 20_000_000, 0.03, 0.10, 0.02, (Rates, 0.07), (Credit, 0.03));
        t["HYG"] = Equity(79m, 30_000_000, 0.04, 0.35, 0.02, (Credit, 0.04));
        t["GLD"] = Equity(240m, 8_000_000, 0.07, 0.05, 0.04, (Gold, 0.13));
        t["SLV"] = Equity(28m, 20_000_000, 0.05, 0.20, 0.15, (Gold, 0.18));
        t["GDX"] = Equity(38m, 20_000_000, 0.04, 0.50, 0.15, (Gold, 0.28));
        t["USO"] = Equity(75m, 5_000_000, 0.00, 0.60, 0.18, (Energy, 0.25));
        t["DBC"] = Equity(22m, 2_000_000, 0.02, 0.30, 0.06, (Energy, 0.12));
        t["UUP"] = Equity(28m, 3_000_000, 0.02, -0.10, 0.01, (Dollar, 0.07));

        // Cash-like.
        t["BIL"] = new CashProfile(91.5m, 8_000_000, 0.035);
        t["SHV"] = new CashProfile(110m, 2_000_000, 0.036);
        t["SGOV"] = new CashProfile(100.5m, 5_000_000, 0.037);

        // Volatility products.
        t["VIXY"] = new VolatilityProfile(14m, 4_000_000, MarketBeta: -2.5, VolBeta: 0.35, AnnualDecay: 0.60, NoiseVol: 0.10);
        t["VIXM"] = new VolatilityProfile(16m, 300_000, MarketBeta: -1.0, VolBeta: 0.12, AnnualDecay: 0.20, NoiseVol: 0.06);
        t["VXX"] = Leveraged(50m, 6_000_000, "VIXY", 1.0);
        t["UVXY"] = Leveraged(25m, 30_000_000, "VIXY", 1.5);
        t["SVXY"] = Leveraged(48m, 2_000_000, "VIXY", -0.5);

        // Leveraged and inverse funds.
        t["QLD"] = Leveraged(100m, 3_000_000, "QQQ", 2);
        t["TQQQ"] = Leveraged(75m, 60_000_000, "QQQ", 3);
        t["PSQ"] = Leveraged(40m, 5_000_000, "QQQ", -1);
        t["QID"] = Leveraged(35m, 3_000_000, "QQQ", -2);
        t["SQQQ"] = Leveraged(30m, 80_000_000, "QQQ", -3);
        t["SSO"] = Leveraged(90m, 3_000_000, "SPY", 2);
        t["UPRO"] = Leveraged(85m, 4_000_000, "SPY", 3);
        t["SPXL"] = Leveraged(170m, 5_000_000, "SPY", 3);
        t["SH"] = Leveraged(42m, 6_000_000, "SPY", -1);
        t["SDS"] = Leveraged(20m, 10_000_000, "SPY", -2);
        t["SPXU"] = Leveraged(18m, 20_000_000, "SPY", -3);
        t["SPXS"] = Leveraged(20m, 25_000_000, "SPY", -3);
        t["UDOW"] = Leveraged(90m, 3_000_000, "DIA", 3);
        t["SDOW"] = Leveraged(20m, 5_000_000, "DIA", -3);
        t["TNA"] = Leveraged(45m, 12_000_000, "IWM", 3);
        t["TZA"] = Leveraged(15m, 20_000_000, "IWM", -3);
        t["TECL"] = Leveraged(90m, 2_000_000, "XLK", 3);
        t["TECS"] = Leveraged(10m, 2_000_000, "XLK", -3);
        t["SOXL"] = Leveraged(30m, 70_000_000, "SOXX", 3);
        t["SOXS"] = Leveraged(25m, 60_000_000, "SOXX", -3);
        t["FAS"] = Leveraged(150m, 1_000_000, "XLF", 3);
        t["FAZ"] = Leveraged(12m, 3_000_000, "XLF", -3);
        t["CURE"] = Leveraged(100m, 200_000, "XLV", 3);
        t["LABU"] = Leveraged(100m, 6_000_000, "XBI", 3);
        t["LABD"] = Leveraged(9m, 10_000_000, "XBI", -3);
        t["UBT"] = Leveraged(20m, 100_000, "TLT", 2);
        t["TMF"] = Leveraged(45m, 10_000_000, "TLT", 3);
        t["TBT"] = Leveraged(35m, 2_000_000, "TLT", -2);
        t["TMV"] = Leveraged(40m, 2_000_000, "TLT", -3);
        t["TYD"] = Leveraged(25m, 50_000, "IEF", 3);
        t["TYO"] = Leveraged(14m, 50_000, "IEF", -3);
        t["UCO"] = Leveraged(28m, 3_000_000, "USO", 2);
        t["SCO"] = Leveraged(18m, 2_000_000, "USO", -2);
        t["ERX"] = Leveraged(60m, 1_000_000, "XLE", 2);
        t["ERY"] = Leveraged(22m, 500_000, "XLE", -2);
        t["UGL"] = Leveraged(110m, 200_000, "GLD", 2);
        t["GLL"] = Leveraged(20m, 200_000, "GLD", -2);
        t["NUGT"] = Leveraged(40m, 3_000_000, "GDX", 2);
        t["DUST"] = Leveraged(20m, 3_000_000, "GDX", -2);

        // Single stocks.
        t["AAPL"] = Equity(230m, 50_000_000, 0.15, 1.15, 0.20, (Technology, 0.08));
        t["MSFT"] = Equity(420m, 20_000_000, 0.15, 1.05, 0.18, (Technology, 0.08));
        t["NVDA"] = Equity(130m, 250_000_000, 0.35, 1.60, 0.35, (Technology, 0.10), (Semiconductors, 0.20));
        t["AMD"] = Equity(140m, 50_000_000, 0.20, 1.60, 0.35, (Technology, 0.10), (Semiconductors, 0.20));
        t["AMZN"] = Equity(200m, 40_000_000, 0.14, 1.20, 0.24, (Technology, 0.06));
        t["GOOGL"] = Equity(170m, 25_000_000, 0.13, 1.10, 0.22, (Technology, 0.06));
        t["META"] = Equity(580m, 15_000_000, 0.16, 1.25, 0.30, (Technology, 0.07));
        t["TSLA"] = Equity(250m, 90_000_000, 0.20, 1.80, 0.50);
        t["BRK/B"] = Equity(460m, 4_000_000, 0.10, 0.85, 0.12, (Financials, 0.05));
        t["JPM"] = Equity(230m, 9_000_000, 0.11, 1.10, 0.16, (Financials, 0.12));
        t["V"] = Equity(280m, 7_000_000, 0.11, 1.00, 0.16, (Financials, 0.05));
        t["XOM"] = Equity(115m, 15_000_000, 0.06, 0.80, 0.14, (Energy, 0.18));
        t["JNJ"] = Equity(155m, 7_000_000, 0.05, 0.55, 0.14, (Health, 0.06));
        t["UNH"] = Equity(500m, 4_000_000, 0.09, 0.70, 0.20, (Health, 0.08));
        t["PG"] = Equity(165m, 6_000_000, 0.07, 0.50, 0.13);
        t["KO"] = Equity(65m, 13_000_000, 0.06, 0.55, 0.13);
        t["WMT"] = Equity(85m, 15_000_000, 0.10, 0.60, 0.16);
        return t.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static EquityProfile Equity(decimal price, long volume, double drift, double beta, double idiosyncraticVol, params (SectorFactor Factor, double Vol)[] sectors) =>
        new(price, volume, drift, beta, idiosyncraticVol, sectors.Select(s => new SectorLoading(s.Factor, s.Vol)).ToArray());

    private static LeveragedProfile Leveraged(decimal price, long volume, string underlying, double leverage) =>
        new(price, volume, underlying, leverage);
}
