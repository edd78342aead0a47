namespace Alchemiser.Core.Trading;

/// <summary>
/// The one shape in which every ledger hands fills back, whatever it was given: timestamps in UTC (offset zero, every
/// tick kept) and a read-only copy of the attribution, so neither the caller's later changes nor a cast alter a fill.
/// </summary>
public static class CanonicalFill
{
    public static LedgerFill Of(LedgerFill fill) =>
        fill with
        {
            Attribution = Array.AsReadOnly(fill.Attribution.ToArray()),
            FilledAt = fill.FilledAt.ToUniversalTime(),
            RecordedAt = fill.RecordedAt.ToUniversalTime(),
        };
}
