using Alchemiser.Core.Hosting;
using Alchemiser.Core.Logging;

namespace Alchemiser.SignalAggregator;

/// <summary>
/// Lambda entry point (<c>Alchemiser.SignalAggregator::Alchemiser.SignalAggregator.Function::HandleAsync</c>): an
/// EventBridge event carrying PartialSignalGenerated or StrategyEvaluationFailed in, the fan-in step, an empty response.
/// </summary>
public sealed class Function(SignalAggregationService service, IAlchemiserLog log)
{
    public Task<Stream> HandleAsync(Stream input) =>
        EventBridgeInvocation.HandleAsync(input, log, "SignalAggregator", async (result, runLog) =>
        {
            await service.HandleAsync(result).ConfigureAwait(false);
            runLog.Info("strategy result handled", ("event_id", result.EventId), ("event_type", result.EventType));
        });
}
