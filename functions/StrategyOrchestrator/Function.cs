using Alchemiser.Core.Hosting;
using Alchemiser.Core.Logging;
using Alchemiser.Lambda;

namespace Alchemiser.StrategyOrchestrator;

/// <summary>
/// Lambda entry point (<c>Alchemiser.StrategyOrchestrator::Alchemiser.StrategyOrchestrator.Function::HandleAsync</c>):
/// reads the schedule's input, starts the run, answers with what it did.
/// </summary>
public sealed class Function(RunOrchestrationService service, IAlchemiserLog log)
{
    /// <summary>Lambda's constructor: the session table, the bus, Alpaca's calendar and the packaged strategies, from the environment.</summary>
    public Function()
        : this(LambdaServices.FromEnvironment())
    {
    }

    /// <summary>Composes the function the way Lambda does, from <paramref name="services"/>.</summary>
    public Function(LambdaServices services)
        : this(Compose(services), services.Log)
    {
    }

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

    private static RunOrchestrationService Compose(LambdaServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var environment = services.Environment;
        var settings = new OrchestratorSettings(
            services.StrategiesDirectory(),
            environment.Choice(LambdaVariables.EarlyClosePolicy, "run", "run", "skip"),
            environment.Choice(LambdaVariables.FailurePolicy, "abort", "abort", "proceed"),
            environment.Choice(LambdaVariables.LiveBarPolicy, "live-bar", "live-bar", "previous-close"));
        return new RunOrchestrationService(services.Sessions(), services.Publisher(), services.Calendar(), services.Clock, settings);
    }
}
