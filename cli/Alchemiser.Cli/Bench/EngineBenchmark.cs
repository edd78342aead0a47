using System.Diagnostics;
using Alchemiser.Core.MarketData;
using Alchemiser.Dsl;
using Alchemiser.Dsl.Evaluation;
using Alchemiser.Dsl.Pricing;
using Alchemiser.Core.Events;
using Alchemiser.Core.Hosting;
using Alchemiser.Local.Hosting;
using Alchemiser.Local.MarketData;
using Alchemiser.Local.Synthetic;

namespace Alchemiser.Cli.Bench;

/// <summary>
/// The performance figures of issue #2, measured on generated data: CSV load of 300 symbols × 10 years, parse and
/// validation of the stress file and of a 20 MB file, evaluation of the stress file for one date (median of 10,
/// prices loaded, fresh engine each time) and for 250 consecutive dates (one engine), the project's own strategies
/// per date, and the process's peak working set.
/// </summary>
public sealed class EngineBenchmark(string strategiesFolder, string templatePath, IProgress<string>? progress = null)
{
    private const int Seed = 20240116;
    private static readonly DateOnly End = new(2025, 12, 31);

    public List<BenchFigure> Run()
    {
        var figures = new List<BenchFigure>();
        var work = Directory.CreateTempSubdirectory("alchemiser-bench-");
        try
        {
            progress?.Report("generating the stress symphony and 10 years of prices for 300 symbols");
            var stress = StressSymphonyGenerator.Generate(new StressSymphonyOptions { Seed = Seed });
            var ownFiles = Directory.Exists(strategiesFolder)
                ? Directory.GetFiles(strategiesFolder, "*.clj").Order(StringComparer.Ordinal).ToList()
                : [];
            var own = ownFiles.Select(f => (Id: Path.GetFileNameWithoutExtension(f), Symphony: DslCompiler.Parse(File.ReadAllText(f), Path.GetFileName(f)))).ToList();
            var tickers = Universe(stress.Tickers, own.SelectMany(o => o.Symphony.Stats.Tickers.Select(t => t.Ticker)), 300);
            var loadTickers = tickers.Take(300).ToList();
            var market = new SyntheticMarket(Seed);
            market.WriteCsvFolder(work.FullName, tickers, End.AddYears(-10).AddDays(1), End);

            progress?.Report("loading CSV");
            var store = new CsvBarStore(work.FullName);
            figures.Add(new BenchFigure("csv_load_ms", $"load {loadTickers.Count} symbols × 10 years of CSV", Stopwatches.Milliseconds(() => store.Preload(loadTickers)), "ms", 1000));
            store.LoadAll();
            var prices = new BarStorePriceSource(store);

            progress?.Report("parsing");
            var sizeMb = System.Text.Encoding.UTF8.GetByteCount(stress.Text) / 1e6;
            var symphony = DslCompiler.Parse(stress.Text, "stress.clj");
            figures.Add(new BenchFigure("stress_parse_ms",
                $"parse + validate the stress file ({sizeMb:0.0} MB, {symphony.Stats.Groups} groups, depth {symphony.Stats.MaxDepth}, {symphony.Stats.Tickers.Count} tickers)",
                Stopwatches.Median(Enumerable.Range(0, 5).Select(_ => Stopwatches.Milliseconds(() => DslCompiler.Parse(stress.Text, "stress.clj")))), "ms", 1000));

            var days = TradingDays(store, stress.Tickers, 250);
            var asOf = days[^1];
            progress?.Report("evaluating the stress file");
            new StrategyEngine(prices).Evaluate(symphony, asOf); // warm-up: JIT and the price source's conversions
            var single = Enumerable.Range(0, 10).Select(_ => Stopwatches.Milliseconds(() => new StrategyEngine(prices).Evaluate(symphony, asOf))).ToList();
            figures.Add(new BenchFigure("stress_one_date_ms", "evaluate the stress file for one as-of date (median of 10)", Stopwatches.Median(single), "ms", 100));

            var engine = new StrategyEngine(prices);
            figures.Add(new BenchFigure("stress_250_dates_ms", "evaluate the stress file for 250 consecutive as-of dates",
                Stopwatches.Milliseconds(() =>
                {
                    foreach (var day in days)
                    {
                        engine.Evaluate(symphony, day);
                    }
                }), "ms", 10_000));

            foreach (var (id, ownSymphony) in own)
            {
                progress?.Report("evaluating " + id);
                var ownEngine = new StrategyEngine(prices);
                ownEngine.Evaluate(ownSymphony, days[0], id);
                var perDate = Stopwatches.Milliseconds(() =>
                {
                    foreach (var day in days)
                    {
                        ownEngine.Evaluate(ownSymphony, day, id);
                    }
                }) / days.Count;
                figures.Add(new BenchFigure($"{id}_per_date_ms", $"evaluate {id}.clj, per date (250 consecutive dates)", perDate, "ms", 2));
            }

            figures.Add(new BenchFigure("peak_working_set_mb", "peak working set: prices loaded, stress file and strategies evaluated", PeakWorkingSetMb(), "MB", 400));

            if (ownFiles.Count > 0)
            {
                progress?.Report("running the signal pipeline locally with 20 strategies");
                figures.Add(new BenchFigure("signal_run_20_strategies_ms", "local run --until signal with 20 strategies (after start-up)",
                    SignalRun(work.FullName, ownFiles, days[^1]), "ms", 2000));
            }

            progress?.Report("running a simulated trading day with 20 strategies");
            var (dayMs, orders) = TradingDayBenchmark.Run(work.FullName, tickers, templatePath, days[^2], days[^1]);
            figures.Add(new BenchFigure("trading_day_20_strategies_ms",
                $"simulated trading day, 20 strategies, {orders} orders, schedule to e-mail (after start-up; simulated clock)", dayMs, "ms", 5000));

            // Last, because it dominates memory: the 20 MB parse budget is 1.5 GB of its own.
            progress?.Report("parsing a 20 MB file");
            var large = DeepSymphonyGenerator.ManyGroups(DeepSymphonyGenerator.TwentyMegabytes).Text;
            figures.Add(new BenchFigure("parse_20mb_ms", $"parse + validate a {DeepSymphonyGenerator.TwentyMegabytes / 1e6:0} MB file", Stopwatches.Milliseconds(() => DslCompiler.Parse(large, "large.clj")), "ms", 5000));
            figures.Add(new BenchFigure("peak_working_set_20mb_mb", "peak working set after the 20 MB parse", PeakWorkingSetMb(), "MB", 1536));
            return figures;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>
    /// Orchestrator → 20 workers → aggregator on the local host (template-routed bus, SQLite session), timed from the
    /// schedule's invocation to the signal; the host is built first, as a process's start-up would.
    /// </summary>
    private double SignalRun(string prices, IReadOnlyList<string> ownFiles, DateOnly date)
    {
        var folder = Directory.CreateDirectory(Path.Combine(prices, "..", Path.GetFileName(prices) + "-run")).FullName;
        try
        {
            const int Strategies = 20;
            var entries = new List<string>();
            for (var i = 0; i < Strategies; i++)
            {
                var file = $"s{i:00}.clj";
                File.Copy(ownFiles[i % ownFiles.Count], Path.Combine(folder, file));
                entries.Add($"{{\"file\": \"{file}\", \"weight\": 0.05}}");
            }

            File.WriteAllText(Path.Combine(folder, "strategies.bench.json"), "{\"strategies\": [" + string.Join(", ", entries) + "]}");
            var host = new LocalWorkflowHost(new LocalHostOptions(templatePath, folder, prices, Path.Combine(folder, "bench.db"), ReportsDirectory: Path.Combine(folder, "reports"))
            {
                StopAfterSignal = true,
            });
            var result = host.RunAsync(new ScheduleInput("bench", date)).GetAwaiter().GetResult();
            if (result.Find(EventTypes.SignalGenerated) is null)
            {
                throw new InvalidOperationException("the benchmark's local run published no signal");
            }

            return result.Elapsed.TotalMilliseconds;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static double PeakWorkingSetMb()
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return process.PeakWorkingSet64 / (1024.0 * 1024.0);
    }

    /// <summary>The stress file's tickers and the strategies' tickers, topped up with generated ones to <paramref name="count"/>.</summary>
    private static List<string> Universe(IEnumerable<string> stressTickers, IEnumerable<string> strategyTickers, int count)
    {
        var set = new SortedSet<string>(stressTickers.Concat(strategyTickers), StringComparer.Ordinal);
        for (var i = 0; set.Count < count; i++)
        {
            set.Add("BENCH" + i.ToString("000", System.Globalization.CultureInfo.InvariantCulture));
        }

        return [.. set];
    }

    /// <summary>The last <paramref name="count"/> dates on which the first stress ticker traded.</summary>
    private static List<DateOnly> TradingDays(IBarStore store, IReadOnlyList<string> tickers, int count)
    {
        var bars = store.GetBars(tickers[0]);
        return bars.Skip(bars.Count - count).Select(b => b.Date).ToList();
    }
}
