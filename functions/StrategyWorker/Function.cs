using Alchemiser.Core.Hosting;

namespace Alchemiser.StrategyWorker;

/// <summary>
/// Lambda entry point (<c>Alchemiser.StrategyWorker::Alchemiser.StrategyWorker.Function::HandleAsync</c>): an
/// EventBridge event carrying StrategyEvaluationRequested in, one evaluation, an empty response.
/// </summary>
public sealed class Function(StrategyEvaluationService service)
{
    public async Task<Stream> HandleAsync(Stream input)
    {
        var trigger = await LambdaStreams.ReadEventBridgeEventAsync(input).ConfigureAwait(false);
        await service.HandleAsync(trigger.Detail).ConfigureAwait(false);
        return new MemoryStream("{}"u8.ToArray());
    }
}
