using Alchemiser.Core.Hosting;

namespace Alchemiser.SignalAggregator;

/// <summary>
/// Lambda entry point (<c>Alchemiser.SignalAggregator::Alchemiser.SignalAggregator.Function::HandleAsync</c>): an
/// EventBridge event carrying PartialSignalGenerated or StrategyEvaluationFailed in, the fan-in step, an empty response.
/// </summary>
public sealed class Function(SignalAggregationService service)
{
    public async Task<Stream> HandleAsync(Stream input)
    {
        var trigger = await LambdaStreams.ReadEventBridgeEventAsync(input).ConfigureAwait(false);
        await service.HandleAsync(trigger.Detail).ConfigureAwait(false);
        return new MemoryStream("{}"u8.ToArray());
    }
}
