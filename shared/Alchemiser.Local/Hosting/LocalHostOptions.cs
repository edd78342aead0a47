using Alchemiser.Core.Logging;
using Alchemiser.Core.Events;
using Alchemiser.Execution;
using Alchemiser.Local.Brokerage;
using Alchemiser.Local.Reports;
using Alchemiser.Local.Time;
using Alchemiser.Portfolio.Planning;

namespace Alchemiser.Local.Hosting;

/// <summary>Where the embedded default keeps things, and the run's policies and settings.</summary>
/// <param name="TemplatePath">template.yaml, whose rules route the in-process bus.</param>
/// <param name="StrategiesDirectory">Strategy files and strategies.&lt;stage&gt;.json.</param>
/// <param name="PricesDirectory">The CSV price folder; the paper broker's market is drawn from it too.</param>
/// <param name="DatabasePath">The SQLite file holding sessions, the trade ledger, idempotency records and the paper broker's account (created if missing).</param>
/// <param name="Clock">
/// The simulated clock every function and the paper broker read; each run sets it forward to <see cref="RunTime"/> on
/// the run's trading date, and the executor's waits advance it, so a local day never sleeps. A new one when null.
/// </param>
/// <param name="Log">Where the functions' JSON log lines go (none when null).</param>
/// <param name="ReportsDirectory">Where the report files and the e-mail land (<c>&lt;dir&gt;/&lt;date&gt;/</c>).</param>
/// <param name="Console">Where the notifier writes its one line per e-mail (none when null).</param>
/// <param name="OnEvent">Told about every event as it is published (for a progress display); must not throw.</param>
public sealed record LocalHostOptions(
    string TemplatePath,
    string StrategiesDirectory,
    string PricesDirectory,
    string DatabasePath,
    string FailurePolicy = "abort",
    string LiveBarPolicy = "live-bar",
    string EarlyClosePolicy = "run",
    SimulatedClock? Clock = null,
    IAlchemiserLog? Log = null,
    string ReportsDirectory = FolderReportStore.DefaultRoot,
    TextWriter? Console = null,
    Action<EventEnvelope>? OnEvent = null)
{
    /// <summary>The schedule's time of day in New York: runs start then.</summary>
    public static TimeOnly RunTime { get; } = new(15, 30);

    /// <summary>
    /// Stop at the signal: SignalGenerated is not handed to Portfolio, so nothing is planned or traded (the
    /// <c>--until signal</c> dry run).
    /// </summary>
    public bool StopAfterSignal { get; init; }

    /// <summary>How the plan is sized and guarded (kill switch, limits).</summary>
    public PlannerSettings Planner { get; init; } = new();

    /// <summary>How orders walk the book.</summary>
    public ExecutionSettings Execution { get; init; } = new();

    /// <summary>The paper account's starting cash and the simulator's behaviour.</summary>
    public PaperBrokerOptions Broker { get; init; } = new();

    /// <summary>
    /// A real broker to trade instead of the paper simulator, with its clock, delay and calendar; null (the default)
    /// for the paper broker on <see cref="Clock"/>. When set, <see cref="Clock"/> and <see cref="Broker"/> are not used.
    /// </summary>
    public ExternalBrokerage? ExternalBroker { get; init; }

    /// <summary>The execution queue's visibility timeout (template.yaml: 6 × the Execution timeout).</summary>
    public TimeSpan ExecutionVisibilityTimeout { get; init; } = TimeSpan.FromMinutes(30);
}
