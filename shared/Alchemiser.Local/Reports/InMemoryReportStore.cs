using Alchemiser.Core.Reports;

namespace Alchemiser.Local.Reports;

/// <summary>
/// The report store for unit tests: texts in memory behind one lock, safe to share between threads. It keeps the
/// contract of the folder and S3 stores: the same key rules, a put replaces the whole text, listing by string prefix in
/// ordinal order.
/// </summary>
public sealed class InMemoryReportStore : IReportStore
{
    private readonly Lock _gate = new();
    private readonly SortedDictionary<string, string> _texts = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task PutTextAsync(string key, string text, CancellationToken cancellationToken = default)
    {
        ReportKey.Validate(key);
        ArgumentNullException.ThrowIfNull(text);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            _texts[key] = text;
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<string?> GetTextAsync(string key, CancellationToken cancellationToken = default)
    {
        ReportKey.Validate(key);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Task.FromResult(_texts.GetValueOrDefault(key));
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> ListKeysAsync(string prefix, CancellationToken cancellationToken = default)
    {
        ReportKey.ValidatePrefix(prefix);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<string>>([.. _texts.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal))]);
        }
    }
}
