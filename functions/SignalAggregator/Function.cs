using Alchemiser.Core.Hosting;
using Alchemiser.Core.Logging;

namespace Alchemiser.SignalAggregator;

/// <summary>
/// Lambda entry point (<c>Alchemiser.SignalAggregator::Alchemiser.SignalAggregator.Function::HandleAsync</c>): an
/// EventBridge event carrying PartialSignalGenerated or StrategyEvaluationFailed in, the fan-in step, an empty response.
/// </summary>
public sealed class Function(SignalAggregationService service, IAlchemiserLog log)
{
    public async Task<Stream> HandleAsync(Stream input)
    {
        var trigger = await LambdaStreams.ReadEventBridgeEventAsync(input).ConfigureAwait(false);
        var runLog = log.WithFunction("SignalAggregator").WithCorrelation(trigger.Detail.CorrelationId);
        try
        {
            await service.HandleAsync(trigger.Detail).ConfigureAwait(false);
            runLog.Info("strategy result handled", ("event_id", trigger.Detail.EventId), ("event_type", trigger.Detail.EventType));
        }
        catch (Exception e)
        {
            runLog.Error(e, "strategy result not handled; it will be retried", ("event_id", trigger.Detail.EventId));
            throw;
        }

        return new MemoryStream("{}"u8.ToArray());
    }
}
