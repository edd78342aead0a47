using Alchemiser.Core.Trading;

namespace Alchemiser.Local.Tests.Ledger;

/// <summary>Fills for ledger tests: valid unless a test changes them, all attributed to one strategy.</summary>
internal static class LedgerSamples
{
    public static readonly DateOnly Date = new(2024, 3, 15);

    /// <summary>15:45 New York on <see cref="Date"/>, in UTC.</summary>
    public static readonly DateTimeOffset Close = new(2024, 3, 15, 19, 45, 0, TimeSpan.Zero);

    public static LedgerFill Fill(
        string fillId,
        string correlationId = "corr-1",
        string symbol = "SPY",
        DateOnly? date = null,
        DateTimeOffset? filledAt = null,
        decimal quantity = 10m,
        decimal price = 500.25m,
        string side = FillSides.Buy)
    {
        var at = filledAt ?? Close;
        return new LedgerFill(
            fillId, correlationId, date ?? Date, symbol, side, quantity, price, $"client-{fillId}", $"broker-{fillId}",
            [new StrategyAttribution("momentum", quantity)], at, at.AddMilliseconds(250));
    }
}
