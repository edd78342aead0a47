namespace Alchemiser.Core.Trading;

/// <summary>
/// The order of every <see cref="ITradeLedger"/> query: earliest <see cref="LedgerFill.FilledAt"/> first; fills at the
/// same instant by fill id in ordinal order, so the answer never depends on how a store happens to iterate.
/// </summary>
public static class LedgerOrder
{
    public static IReadOnlyList<LedgerFill> Chronological(IEnumerable<LedgerFill> fills) =>
        fills
            .OrderBy(f => f.FilledAt)
            .ThenBy(f => f.FillId, StringComparer.Ordinal)
            .ToArray()
            .AsReadOnly();
}
