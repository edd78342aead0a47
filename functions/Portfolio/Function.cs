using Alchemiser.Core.Hosting;
using Alchemiser.Core.Logging;
using Alchemiser.Lambda;
using Alchemiser.Portfolio.Planning;

namespace Alchemiser.Portfolio;

/// <summary>
/// Lambda entry point (<c>Alchemiser.Portfolio::Alchemiser.Portfolio.Function::HandleAsync</c>): an EventBridge event
/// carrying SignalGenerated in, the rebalance plan published, an empty response.
/// </summary>
public sealed class Function(PortfolioService service, IAlchemiserLog log)
{
    /// <summary>Lambda's constructor: Alpaca, the ledger and idempotency tables, the bus and the planner's limits, from the environment.</summary>
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
        EventBridgeInvocation.HandleAsync(input, log, "Portfolio", async (signal, runLog) =>
        {
            var plan = await service.HandleAsync(signal).ConfigureAwait(false);
            var trades = plan.PayloadAs<Core.Events.RebalancePlanned>().Trades;
            runLog.Info(
                "rebalance planned",
                ("event_id", plan.EventId),
                ("trades", trades.Count(t => !t.Blocked)),
                ("blocked", trades.Count(t => t.Blocked)));
        });

    private static PortfolioService Compose(LambdaServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return new PortfolioService(
            services.Broker(), services.Ledger(), services.Idempotency(), services.Publisher(), services.Clock, PlannerEnvironment.Read(services.Environment));
    }
}
