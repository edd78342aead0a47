namespace Alchemiser.Core.Reports;

/// <summary>
/// Port: text files under relative keys (S3 when deployed, a folder locally, memory in tests). Keys follow
/// <see cref="ReportKey"/>; every member rejects an invalid key or prefix with an <see cref="ArgumentException"/>.
/// A put replaces the whole text at once: a reader sees the old text or the new one, never a mix.
/// </summary>
public interface IReportStore
{
    /// <summary>Stores <paramref name="text"/> (UTF-8) under <paramref name="key"/>, replacing what was there.</summary>
    Task PutTextAsync(string key, string text, CancellationToken cancellationToken = default);

    /// <summary>The text under <paramref name="key"/>, or null when there is none.</summary>
    Task<string?> GetTextAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>
    /// Every key that starts with <paramref name="prefix"/> (plain string prefix, as in S3: <c>a/b/</c> lists everything
    /// below the folder <c>a/b</c> at any depth), in ordinal order. An empty prefix lists every key.
    /// </summary>
    Task<IReadOnlyList<string>> ListKeysAsync(string prefix, CancellationToken cancellationToken = default);
}
