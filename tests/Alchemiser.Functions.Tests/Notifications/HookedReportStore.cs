using Alchemiser.Core.Reports;
using Alchemiser.Local.Reports;

namespace Alchemiser.Functions.Tests.Notifications;

/// <summary>
/// An in-memory report store that calls <see cref="BeforePut"/> with each key before storing it, to inject what would
/// happen at that moment: a fault (throw) or another handler's write (into <see cref="Inner"/>).
/// </summary>
internal sealed class HookedReportStore : IReportStore
{
    public InMemoryReportStore Inner { get; } = new();

    public Func<string, Task>? BeforePut { get; set; }

    public async Task PutTextAsync(string key, string text, CancellationToken cancellationToken = default)
    {
        if (BeforePut is { } hook)
        {
            await hook(key);
        }

        await Inner.PutTextAsync(key, text, cancellationToken);
    }

    public Task<string?> GetTextAsync(string key, CancellationToken cancellationToken = default) => Inner.GetTextAsync(key, cancellationToken);

    public Task<IReadOnlyList<string>> ListKeysAsync(string prefix, CancellationToken cancellationToken = default) => Inner.ListKeysAsync(prefix, cancellationToken);
}
