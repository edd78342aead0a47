namespace Alchemiser.Core.Trading;

/// <summary>The argument rules of the ledger's queries, shared by every store so they reject the same input alike.</summary>
public static class LedgerQueryChecks
{
    public static void Correlation(string correlationId) => ArgumentException.ThrowIfNullOrWhiteSpace(correlationId);

    public static void Symbol(string symbol) => ArgumentException.ThrowIfNullOrWhiteSpace(symbol);

    public static void Range(DateOnly from, DateOnly to, string? symbol)
    {
        if (to < from)
        {
            throw new ArgumentOutOfRangeException(
                nameof(to), to, $"the range ends before it starts (from {from.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)})");
        }

        if (symbol is not null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        }
    }
}
