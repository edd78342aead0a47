using System.Globalization;
using Alchemiser.Core.Trading;

namespace Alchemiser.Local.Tests.Ledger;

/// <summary>
/// Every field of a fill as text: decimals with their scale, timestamps round-trip ("O", offset included),
/// attributions in their order. Two fills with equal text are the same to the last digit and tick.
/// </summary>
internal static class FillText
{
    public static string Of(LedgerFill f)
    {
        var attribution = string.Join(",", f.Attribution.Select(a => string.Create(CultureInfo.InvariantCulture, $"{a.StrategyId}:{a.Quantity}")));
        return string.Create(
            CultureInfo.InvariantCulture,
            $"fill {f.FillId} correlation={f.CorrelationId} date={f.TradingDate:yyyy-MM-dd} symbol={f.Symbol} side={f.Side} quantity={f.Quantity} price={f.Price} client={f.ClientOrderId} broker={f.BrokerOrderId ?? "-"} attribution={attribution} filled={f.FilledAt:O} recorded={f.RecordedAt:O}");
    }

    public static string[] Of(IEnumerable<LedgerFill> fills) => fills.Select(Of).ToArray();
}
