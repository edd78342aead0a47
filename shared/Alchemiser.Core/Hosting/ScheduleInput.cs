using System.Text.Json;
using Alchemiser.Core.Configuration;
using Alchemiser.Core.Errors;
using Alchemiser.Core.Time;

namespace Alchemiser.Core.Hosting;

/// <summary>
/// The orchestrator's request: the <c>Input</c> of the stage's EventBridge Scheduler schedule, which Scheduler passes
/// to the Lambda target unchanged, or the same JSON from the CLI. Snake_case, unknown members are errors:
/// <code>{"stage": "dev", "trading_date": null, "force": false, "source": "schedule"}</code>
/// Only <c>stage</c> is required.
/// </summary>
/// <param name="Stage">Which <c>strategies.&lt;stage&gt;.json</c> to run; lower-case letters, digits and dashes.</param>
/// <param name="TradingDate">The date to run for; absent or null means today in America/New_York (<see cref="ResolveTradingDate"/>).</param>
/// <param name="Force">Run even when the date already has a session (a deliberate re-run).</param>
/// <param name="Source">Who asked: <c>schedule</c> (the default), or e.g. <c>cli</c>; for logs and reports.</param>
public sealed record ScheduleInput(string Stage, DateOnly? TradingDate = null, bool Force = false, string Source = ScheduleInput.ScheduleSource)
{
    /// <summary>The <see cref="Source"/> of a scheduled run.</summary>
    public const string ScheduleSource = "schedule";

    /// <summary>The trading date to run for: <see cref="TradingDate"/>, or the New York date of <paramref name="clock"/>'s now.</summary>
    public DateOnly ResolveTradingDate(IClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return TradingDate ?? MarketTime.TradingDateOf(clock.UtcNow);
    }

    /// <summary>Reads a schedule input and checks the stage name and the source.</summary>
    /// <exception cref="JsonException">Not a schedule input (unknown member, missing stage, a date not <c>yyyy-mm-dd</c>, a null).</exception>
    /// <exception cref="ConfigurationException">The stage name or the source is invalid.</exception>
    public static ScheduleInput FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var input = JsonSerializer.Deserialize(json, ScheduleJsonContext.Default.ScheduleInput)
            ?? throw new JsonException("the input is JSON null, not a schedule input");
        _ = StrategyManifest.FileNameForStage(input.Stage);
        if (string.IsNullOrWhiteSpace(input.Source))
        {
            throw new ConfigurationException("the schedule input's source is empty", "Leave source out (it defaults to \"schedule\") or name who started the run, e.g. \"cli\".");
        }

        return input;
    }

    /// <summary>The input as JSON (snake_case, every member written).</summary>
    public string ToJson() => JsonSerializer.Serialize(this, ScheduleJsonContext.Default.ScheduleInput);
}
