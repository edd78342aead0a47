namespace Alchemiser.Core.Trading;

/// <summary>The two values of <see cref="LedgerFill.Side"/>, spelled as the ledger stores them.</summary>
public static class FillSides
{
    /// <summary>A fill that bought.</summary>
    public const string Buy = "buy";

    /// <summary>A fill that sold.</summary>
    public const string Sell = "sell";
}
