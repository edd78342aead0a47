using Alchemiser.Core.Hosting;
using Alchemiser.Core.Logging;

namespace Alchemiser.StrategyWorker;

/// <summary>
/// Lambda entry point (<c>Alchemiser.StrategyWorker::Alchemiser.StrategyWorker.Function::HandleAsync</c>): an
/// EventBridge event carrying StrategyEvaluationRequested in, one evaluation, an empty response.
/// </summary>
public sealed class Function(StrategyEvaluationService service, IAlchemiserLog log)
{
    public Task<Stream> HandleAsync(Stream input) =>
        EventBridgeInvocation.HandleAsync(input, log, "StrategyWorker", async (request, runLog) =>
        {
            var outcome = await service.HandleAsync(request).ConfigureAwait(false);
            runLog.Info("strategy evaluated", ("event_id", outcome.EventId), ("event_type", outcome.EventType), ("caused_by", request.EventId));
        });
}
