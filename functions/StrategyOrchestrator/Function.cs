using Alchemiser.Core.Hosting;
using Alchemiser.Core.Logging;

namespace Alchemiser.StrategyOrchestrator;

/// <summary>
/// Lambda entry point (<c>Alchemiser.StrategyOrchestrator::Alchemiser.StrategyOrchestrator.Function::HandleAsync</c>):
/// reads the schedule's input, starts the run, answers with what it did.
/// </summary>
public sealed class Function(RunOrchestrationService service, IAlchemiserLog log)
{
    public async Task<Stream> HandleAsync(Stream input)
    {
        var schedule = await LambdaStreams.ReadScheduleInputAsync(input).ConfigureAwait(false);
        var start = await service.StartAsync(schedule.Stage, schedule.TradingDate, schedule.Force).ConfigureAwait(false);
        log.WithFunction("StrategyOrchestrator").WithCorrelation(start.CorrelationId).Info(
            "run " + start.Outcome.ToString().ToLowerInvariant(),
            ("stage", schedule.Stage),
            ("trading_date", start.TradingDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            ("session_id", start.SessionId),
            ("requests_published", start.RequestsPublished),
            ("reason", start.Reason));
        return LambdaStreams.Write(start, OrchestratorJsonContext.Default.RunStart);
    }
}
