using Alchemiser.Core.Events;

namespace Alchemiser.Notifications.Reporting;

/// <summary>What became of each planned trade: <c>blocked</c>, <c>filled</c>, <c>not filled</c>, or <c>planned</c> before execution reported.</summary>
internal sealed class TradeStatus
{
    private readonly bool _executed;
    private readonly HashSet<(string Symbol, string Side)> _filled;

    public TradeStatus(RunReport report)
    {
        _executed = report.Orders is not null || report.Fills.Count > 0;
        _filled = [.. report.Fills.Select(f => (f.Symbol, f.Side.ToUpperInvariant()))];
    }

    public string Of(PlannedTrade trade) =>
        trade.Blocked ? "blocked"
        : !_executed ? "planned"
        : _filled.Contains((trade.Symbol, trade.Side.ToUpperInvariant())) ? "filled"
        : "not filled";
}
