namespace Alchemiser.Core.Trading;

/// <summary>
/// Port: the trade ledger, one row per fill (in-memory for tests, SQLite locally, DynamoDB in AWS). Recording is
/// idempotent on <see cref="LedgerFill.FillId"/>, so duplicate delivery and redelivery after a crash never double a
/// fill. Every query returns fills ordered by <see cref="LedgerFill.FilledAt"/>, then by fill id in ordinal order;
/// timestamps come back in UTC.
/// </summary>
public interface ITradeLedger
{
    /// <summary>
    /// Records the fill unless one with its id is recorded; false means it was, and nothing changed. A fill that breaks
    /// <see cref="LedgerFillRules.Validate"/> throws <see cref="ArgumentException"/> and is not recorded.
    /// </summary>
    Task<bool> RecordAsync(LedgerFill fill, CancellationToken cancellationToken = default);

    /// <summary>The fills of one run.</summary>
    Task<IReadOnlyList<LedgerFill>> ByCorrelationAsync(string correlationId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The fills whose trading date is from <paramref name="from"/> to <paramref name="to"/>, both included, of
    /// <paramref name="symbol"/> only when one is given. A range that ends before it starts throws
    /// <see cref="ArgumentOutOfRangeException"/>.
    /// </summary>
    Task<IReadOnlyList<LedgerFill>> ByTradingDateRangeAsync(DateOnly from, DateOnly to, string? symbol = null, CancellationToken cancellationToken = default);

    /// <summary>The fills of one symbol (matched exactly, ordinal).</summary>
    Task<IReadOnlyList<LedgerFill>> BySymbolAsync(string symbol, CancellationToken cancellationToken = default);
}
