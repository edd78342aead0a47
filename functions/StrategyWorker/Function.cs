using Alchemiser.Core.Hosting;
using Alchemiser.Core.Logging;

namespace Alchemiser.StrategyWorker;

/// <summary>
/// Lambda entry point (<c>Alchemiser.StrategyWorker::Alchemiser.StrategyWorker.Function::HandleAsync</c>): an
/// EventBridge event carrying StrategyEvaluationRequested in, one evaluation, an empty response.
/// </summary>
public sealed class Function(StrategyEvaluationService service, IAlchemiserLog log)
{
    public async Task<Stream> HandleAsync(Stream input)
    {
        var trigger = await LambdaStreams.ReadEventBridgeEventAsync(input).ConfigureAwait(false);
        var runLog = log.WithFunction("StrategyWorker").WithCorrelation(trigger.Detail.CorrelationId);
        runLog.Info("evaluating strategy", ("event_id", trigger.Detail.EventId));
        try
        {
            var outcome = await service.HandleAsync(trigger.Detail).ConfigureAwait(false);
            runLog.Info("strategy evaluated", ("event_id", outcome.EventId), ("event_type", outcome.EventType), ("caused_by", trigger.Detail.EventId));
        }
        catch (Exception e)
        {
            runLog.Error(e, "evaluation request failed; it will be retried", ("event_id", trigger.Detail.EventId));
            throw;
        }

        return new MemoryStream("{}"u8.ToArray());
    }
}
