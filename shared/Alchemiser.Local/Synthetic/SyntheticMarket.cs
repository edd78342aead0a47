using System.Collections.Concurrent;
using Alchemiser.Core.MarketData;

namespace Alchemiser.Local.Synthetic;

/// <summary>
/// A deterministic synthetic market: daily bars for any tickers over any range of <see cref="NyseCalendar"/>
/// trading days. Known tickers (<see cref="KnownTickers"/>: index, sector, bond, commodity and cash-like ETFs,
/// VIX products, leveraged and inverse funds, large stocks) follow their profile; any other ticker gets a generic
/// stock profile derived from its name. Equities share a market factor (with volatility clustering and crash days)
/// and sector factors; leveraged funds move k × their underlying every day; VIX products spike when the market
/// drops and decay otherwise; cash-like funds creep upward.
/// <para>
/// Determinism: every number comes from xoshiro256** streams keyed by (seed, stable name hash) and is computed with
/// + − × ÷ and √ only, so the same seed, tickers and range give byte-identical CSV files on every machine, and a
/// ticker's series does not depend on which other tickers are generated with it. Prices are decimals with 4 decimal
/// places, positive, and each ticker's last close is its reference price (a realistic level for paper trading).
/// </para>
/// </summary>
public sealed class SyntheticMarket
{
    /// <summary>A market whose randomness derives from <paramref name="seed"/>.</summary>
    public SyntheticMarket(int seed) => Seed = seed;

    /// <summary>The seed.</summary>
    public int Seed { get; }

    /// <summary>Every ticker with a hand-made profile, ordinal order; a sensible default set to generate.</summary>
    public static IReadOnlyList<string> KnownTickers => TickerProfiles.KnownTickers;

    /// <summary>
    /// Bars of each ticker (duplicates ignored, case kept as given; profiles are looked up ignoring case) for every
    /// trading day from <paramref name="from"/> to <paramref name="to"/>. Tickers are generated in parallel;
    /// <paramref name="progress"/>, if given, receives the number of tickers finished so far after each one.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="from"/> is after <paramref name="to"/>, or a ticker is empty.</exception>
    public IReadOnlyDictionary<string, IReadOnlyList<DailyBar>> Generate(
        IEnumerable<string> tickers, DateOnly from, DateOnly to, IProgress<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(tickers);
        var options = new SyntheticMarketOptions(Seed, from, to);
        var requested = tickers.Distinct(StringComparer.Ordinal).ToArray();
        foreach (var ticker in requested)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(ticker, nameof(tickers));
        }

        var dates = NyseCalendar.TradingDays(options.From, options.To);
        var generation = new Generation(Seed, dates.Count);
        var results = new IReadOnlyList<DailyBar>[requested.Length];
        var finished = 0;
        Parallel.For(0, requested.Length, i =>
        {
            var ticker = requested[i];
            var profile = TickerProfiles.For(ticker);
            results[i] = Array.AsReadOnly(generation.PathOf(ticker).ToBars(dates, profile.ReferencePrice));
            progress?.Report(Interlocked.Increment(ref finished));
        });

        var series = new Dictionary<string, IReadOnlyList<DailyBar>>(requested.Length, StringComparer.Ordinal);
        for (var i = 0; i < requested.Length; i++)
        {
            series[requested[i]] = results[i];
        }

        return series;
    }

    /// <summary>Generates with <paramref name="options"/> (its seed, not this market's, is the one used).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<DailyBar>> Generate(
        IEnumerable<string> tickers, SyntheticMarketOptions options, IProgress<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new SyntheticMarket(options.Seed).Generate(tickers, options.From, options.To, progress);
    }

    /// <summary>
    /// Generates the tickers and writes one <see cref="CsvBarFormat"/> file per ticker into
    /// <paramref name="directory"/> (created if needed; existing files of these tickers are replaced, others are
    /// left alone). Returns the written paths in ticker order. <paramref name="progress"/> counts finished tickers
    /// twice over: first while generating (1…N), then while writing (N+1…2N).
    /// </summary>
    public IReadOnlyList<string> WriteCsvFolder(
        string directory, IEnumerable<string> tickers, DateOnly from, DateOnly to, IProgress<int>? progress = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        ArgumentNullException.ThrowIfNull(tickers);
        var symbols = tickers.Distinct(StringComparer.Ordinal).ToArray();
        foreach (var symbol in symbols)
        {
            if (!SymbolFileName.IsValidSymbol(symbol))
            {
                throw new ArgumentException($"'{symbol}' cannot name a price file", nameof(tickers));
            }
        }

        var series = Generate(symbols, from, to, progress);
        Directory.CreateDirectory(directory);
        var paths = new string[symbols.Length];
        var written = symbols.Length;
        Parallel.For(0, symbols.Length, i =>
        {
            paths[i] = CsvBarWriter.WriteSymbol(directory, symbols[i], series[symbols[i]]);
            progress?.Report(Interlocked.Increment(ref written));
        });

        return paths;
    }

    /// <summary>Writes with <paramref name="options"/> (its seed is the one used); see the instance overload.</summary>
    public static IReadOnlyList<string> WriteCsvFolder(
        string directory, IEnumerable<string> tickers, SyntheticMarketOptions options, IProgress<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new SyntheticMarket(options.Seed).WriteCsvFolder(directory, tickers, options.From, options.To, progress);
    }

    /// <summary>The state of one generation: common factors and the memoized path of every ticker touched.</summary>
    private sealed class Generation(int seed, int days)
    {
        private readonly MarketFactors _factors = new(seed, days);
        private readonly ConcurrentDictionary<string, Lazy<RelativePath>> _paths = new(StringComparer.Ordinal);

        public RelativePath PathOf(string ticker)
        {
            var key = ticker.ToUpperInvariant();
            return _paths.GetOrAdd(key, k => new Lazy<RelativePath>(() => Simulate(k), LazyThreadSafetyMode.ExecutionAndPublication)).Value;
        }

        private RelativePath Simulate(string key)
        {
            var profile = TickerProfiles.For(key);
            var rng = Xoshiro256StarStar.Create(seed, StableHash.Of("ticker:" + key));
            return profile switch
            {
                EquityProfile equity => PathSimulator.Equity(equity, _factors, rng),
                CashProfile cash => PathSimulator.Cash(cash, _factors, rng),
                VolatilityProfile volatility => PathSimulator.Volatility(volatility, _factors, rng),
                LeveragedProfile leveraged => Leverage(leveraged, rng),
                _ => throw new InvalidOperationException($"no simulation for profile {profile.GetType().Name}"),
            };
        }

        private RelativePath Leverage(LeveragedProfile profile, Xoshiro256StarStar rng)
        {
            var underlying = PathOf(profile.Underlying);
            return underlying.Leveraged(profile.Leverage, PathSimulator.DerivedVolumes(profile, underlying, _factors, rng));
        }
    }
}
