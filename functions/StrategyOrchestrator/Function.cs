using Alchemiser.Core.Hosting;

namespace Alchemiser.StrategyOrchestrator;

/// <summary>
/// Lambda entry point (<c>Alchemiser.StrategyOrchestrator::Alchemiser.StrategyOrchestrator.Function::HandleAsync</c>):
/// reads the schedule's input, starts the run, answers with what it did.
/// </summary>
public sealed class Function(RunOrchestrationService service)
{
    public async Task<Stream> HandleAsync(Stream input)
    {
        var schedule = await LambdaStreams.ReadScheduleInputAsync(input).ConfigureAwait(false);
        var start = await service.StartAsync(schedule.Stage, schedule.TradingDate, schedule.Force).ConfigureAwait(false);
        return LambdaStreams.Write(start, OrchestratorJsonContext.Default.RunStart);
    }
}
