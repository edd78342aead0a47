using Alchemiser.Core.Hosting;
using Alchemiser.Core.Logging;
using Alchemiser.Lambda;

namespace Alchemiser.SignalAggregator;

/// <summary>
/// Lambda entry point (<c>Alchemiser.SignalAggregator::Alchemiser.SignalAggregator.Function::HandleAsync</c>): an
/// EventBridge event carrying PartialSignalGenerated or StrategyEvaluationFailed in, the fan-in step, an empty response.
/// </summary>
public sealed class Function(SignalAggregationService service, IAlchemiserLog log)
{
    /// <summary>Lambda's constructor: the DynamoDB session store and the EventBridge publisher from the environment.</summary>
    public Function()
        : this(LambdaServices.FromEnvironment())
    {
    }

    /// <summary>Composes the function the way Lambda does, from <paramref name="services"/>.</summary>
    public Function(LambdaServices services)
        : this(Compose(services), services.Log)
    {
    }

    public Task<Stream> HandleAsync(Stream input) =>
        EventBridgeInvocation.HandleAsync(input, log, "SignalAggregator", async (result, runLog) =>
        {
            await service.HandleAsync(result).ConfigureAwait(false);
            runLog.Info("strategy result handled", ("event_id", result.EventId), ("event_type", result.EventType));
        });

    private static SignalAggregationService Compose(LambdaServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return new SignalAggregationService(services.Sessions(), services.Publisher(), services.Clock);
    }
}
