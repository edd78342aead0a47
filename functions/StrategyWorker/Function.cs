using Alchemiser.Core.Hosting;
using Alchemiser.Core.Logging;
using Alchemiser.Lambda;

namespace Alchemiser.StrategyWorker;

/// <summary>
/// Lambda entry point (<c>Alchemiser.StrategyWorker::Alchemiser.StrategyWorker.Function::HandleAsync</c>): an
/// EventBridge event carrying StrategyEvaluationRequested in, one evaluation, an empty response.
/// </summary>
public sealed class Function(StrategyEvaluationService service, IAlchemiserLog log)
{
    /// <summary>Lambda's constructor: the S3 datalake, Alpaca's latest trades, the bus and the packaged strategies, from the environment.</summary>
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
        EventBridgeInvocation.HandleAsync(input, log, "StrategyWorker", async (request, runLog) =>
        {
            var outcome = await service.HandleAsync(request).ConfigureAwait(false);
            runLog.Info("strategy evaluated", ("event_id", outcome.EventId), ("event_type", outcome.EventType), ("caused_by", request.EventId));
        });

    private static StrategyEvaluationService Compose(LambdaServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return new StrategyEvaluationService(
            services.Bars(), services.Broker(), services.Publisher(), services.Clock, new StrategyLibrary(services.StrategiesDirectory()));
    }
}
