using Alchemiser.Core.Logging;
using Alchemiser.Core.Time;

namespace Alchemiser.Local.Hosting;

/// <summary>Where the embedded default keeps things, and the run's policies.</summary>
/// <param name="TemplatePath">template.yaml, whose rules route the in-process bus.</param>
/// <param name="StrategiesDirectory">Strategy files and strategies.&lt;stage&gt;.json.</param>
/// <param name="PricesDirectory">The CSV price folder.</param>
/// <param name="DatabasePath">The SQLite file holding sessions (created if missing).</param>
/// <param name="Log">Where the functions' JSON log lines go (none when null).</param>
public sealed record LocalHostOptions(
    string TemplatePath,
    string StrategiesDirectory,
    string PricesDirectory,
    string DatabasePath,
    string FailurePolicy = "abort",
    string LiveBarPolicy = "live-bar",
    string EarlyClosePolicy = "run",
    IClock? Clock = null,
    IAlchemiserLog? Log = null);
