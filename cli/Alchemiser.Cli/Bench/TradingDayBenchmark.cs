using System.Globalization;
using Alchemiser.Core.Events;
using Alchemiser.Core.Hosting;
using Alchemiser.Local.Hosting;

namespace Alchemiser.Cli.Bench;

/// <summary>
/// A simulated trading day on the local host with 20 strategies and at least 30 orders: a first day (not timed)
/// builds positions in 40 symbols; on the second day half of the strategies switch to 20 other symbols, so the plan
/// sells 20 positions in full and buys 20 new ones. Timed from the schedule's invocation to the e-mail, the host built
/// first (start-up is excluded), with the simulated clock fast-forwarding every wait of the executor.
/// </summary>
public static class TradingDayBenchmark
{
    private const int Strategies = 20;

    /// <summary>Runs the two days and returns the second day's wall time and its number of planned orders.</summary>
    /// <param name="prices">A price folder holding at least 60 symbols through <paramref name="secondDay"/>.</param>
    /// <param name="symbols">The symbols to trade (60 are used).</param>
    public static (double Milliseconds, int Orders) Run(string prices, IReadOnlyList<string> symbols, string templatePath, DateOnly firstDay, DateOnly secondDay)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        if (symbols.Count < 60)
        {
            throw new ArgumentException($"the trading-day benchmark needs 60 symbols, got {symbols.Count}", nameof(symbols));
        }

        var folder = Directory.CreateTempSubdirectory("alchemiser-bench-day-").FullName;
        try
        {
            WriteStage(folder, "day1", i => (symbols[2 * i], symbols[(2 * i) + 1]));
            WriteStage(folder, "day2", i => i % 2 == 0 ? (symbols[2 * i], symbols[(2 * i) + 1]) : (symbols[40 + i - 1], symbols[40 + i]));
            var options = new LocalHostOptions(templatePath, folder, prices, Path.Combine(folder, "bench.db"), ReportsDirectory: Path.Combine(folder, "reports"));
            Require(new LocalWorkflowHost(options).RunAsync(new ScheduleInput("day1", firstDay)).GetAwaiter().GetResult(), "first");

            var host = new LocalWorkflowHost(options);
            var result = host.RunAsync(new ScheduleInput("day2", secondDay)).GetAwaiter().GetResult();
            var plan = Require(result, "second");
            return (result.Elapsed.TotalMilliseconds, plan.Trades.Count(t => !t.Blocked));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Strategy <c>i</c> of a stage holds its two symbols equally; every strategy weighs 1/20.</summary>
    private static void WriteStage(string folder, string stage, Func<int, (string First, string Second)> pick)
    {
        var entries = new List<string>();
        for (var i = 0; i < Strategies; i++)
        {
            var (first, second) = pick(i);
            var file = string.Create(CultureInfo.InvariantCulture, $"{stage}-{i:00}.clj");
            File.WriteAllText(
                Path.Combine(folder, file),
                $"(defsymphony \"{stage} {i}\" {{:rebalance-frequency :daily}} (weight-equal [(asset \"{first}\") (asset \"{second}\")]))\n");
            entries.Add($"{{\"file\": \"{file}\", \"weight\": 0.05}}");
        }

        File.WriteAllText(Path.Combine(folder, $"strategies.{stage}.json"), "{\"strategies\": [" + string.Join(", ", entries) + "]}");
    }

    private static RebalancePlanned Require(LocalRunResult result, string day)
    {
        if (result.Find(EventTypes.WorkflowFailed)?.PayloadAs<WorkflowFailed>() is { } failed)
        {
            throw new InvalidOperationException($"the benchmark's {day} day failed at {failed.FailedStep}: {failed.Reason}");
        }

        if (result.Find(EventTypes.TradeExecuted) is null || result.Find(EventTypes.RebalancePlanned)?.PayloadAs<RebalancePlanned>() is not { } plan)
        {
            throw new InvalidOperationException($"the benchmark's {day} day did not trade");
        }

        return plan;
    }
}
