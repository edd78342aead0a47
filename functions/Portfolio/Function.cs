using Alchemiser.Core.Hosting;
using Alchemiser.Core.Logging;

namespace Alchemiser.Portfolio;

/// <summary>
/// Lambda entry point (<c>Alchemiser.Portfolio::Alchemiser.Portfolio.Function::HandleAsync</c>): an EventBridge event
/// carrying SignalGenerated in, the rebalance plan published, an empty response.
/// </summary>
public sealed class Function(PortfolioService service, IAlchemiserLog log)
{
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
}
