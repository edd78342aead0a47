using Alchemiser.Core.Events;

namespace Alchemiser.Notifications.Reporting;

/// <summary>
/// What became of each planned trade: <c>blocked</c>; <c>planned</c> before execution reported; then by the fills and
/// failed orders of its symbol and side: <c>filled</c>, <c>partly filled</c> (fills and a failure), <c>failed</c>, or
/// <c>not filled</c> (neither).
/// </summary>
internal sealed class TradeStatus
{
    private readonly bool _executed;
    private readonly HashSet<(string Symbol, string Side)> _filled;
    private readonly HashSet<(string Symbol, string Side)> _failed;

    public TradeStatus(RunReport report)
    {
        _executed = report.Orders is not null || report.Fills.Count > 0 || report.FailedOrders.Count > 0;
        _filled = [.. report.Fills.Select(f => (f.Symbol, f.Side.ToUpperInvariant()))];
        _failed = [.. report.FailedOrders.Select(f => (f.Symbol, f.Side.ToUpperInvariant()))];
    }

    public string Of(PlannedTrade trade)
    {
        if (trade.Blocked)
        {
            return "blocked";
        }

        if (!_executed)
        {
            return "planned";
        }

        var order = (trade.Symbol, trade.Side.ToUpperInvariant());
        return (_filled.Contains(order), _failed.Contains(order)) switch
        {
            (true, true) => "partly filled",
            (true, false) => "filled",
            (false, true) => "failed",
            _ => "not filled",
        };
    }
}
