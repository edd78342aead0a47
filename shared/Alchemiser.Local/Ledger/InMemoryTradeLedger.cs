using Alchemiser.Core.Trading;

namespace Alchemiser.Local.Ledger;

/// <summary>
/// The trade ledger for unit tests: fills held in memory behind one lock, so recording is atomic and the ledger is safe
/// to share between threads. It keeps the contract of the SQLite and DynamoDB ledgers: a fill is recorded once per
/// fill id, copies go in and out (timestamps in UTC), and queries answer in chronological order.
/// </summary>
public sealed class InMemoryTradeLedger : ITradeLedger
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, LedgerFill> _fills = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task<bool> RecordAsync(LedgerFill fill, CancellationToken cancellationToken = default)
    {
        LedgerFillRules.Validate(fill);
        cancellationToken.ThrowIfCancellationRequested();
        var stored = CanonicalFill.Of(fill);
        lock (_gate)
        {
            return Task.FromResult(_fills.TryAdd(stored.FillId, stored));
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<LedgerFill>> ByCorrelationAsync(string correlationId, CancellationToken cancellationToken = default)
    {
        LedgerQueryChecks.Correlation(correlationId);
        return Find(f => string.Equals(f.CorrelationId, correlationId, StringComparison.Ordinal), cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<LedgerFill>> ByTradingDateRangeAsync(
        DateOnly from, DateOnly to, string? symbol = null, CancellationToken cancellationToken = default)
    {
        LedgerQueryChecks.Range(from, to, symbol);
        return Find(
            f => f.TradingDate >= from && f.TradingDate <= to && (symbol is null || string.Equals(f.Symbol, symbol, StringComparison.Ordinal)),
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<LedgerFill>> BySymbolAsync(string symbol, CancellationToken cancellationToken = default)
    {
        LedgerQueryChecks.Symbol(symbol);
        return Find(f => string.Equals(f.Symbol, symbol, StringComparison.Ordinal), cancellationToken);
    }

    private Task<IReadOnlyList<LedgerFill>> Find(Func<LedgerFill, bool> matches, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Task.FromResult(LedgerOrder.Chronological(_fills.Values.Where(matches)));
        }
    }
}
