using Alchemiser.Core.Reports;
using Alchemiser.Local.Storage;

namespace Alchemiser.Local.Reports;

/// <summary>
/// The report store of a local run: each key is a file under <see cref="Root"/> (<c>a/b/c.txt</c> is
/// <c>{root}/a/b/c.txt</c>), written atomically (temporary file beside it, then a move) as UTF-8 without a byte-order
/// mark; folders are created as needed. Listing walks the folder and leaves out the store's temporary files (and any
/// other file whose path is not a valid key). Unlike S3, a key cannot also be the folder of other keys: with
/// <c>a/b/c</c> stored, <c>a/b</c> reads as missing and putting it fails with an <see cref="IOException"/>.
/// </summary>
public sealed class FolderReportStore : IReportStore
{
    /// <summary>Where reports go when no root is given, relative to the working directory.</summary>
    public const string DefaultRoot = ".alchemiser/reports";

    /// <summary>A store under <paramref name="root"/> (default <see cref="DefaultRoot"/>); the folder is created on the first put.</summary>
    public FolderReportStore(string root = DefaultRoot)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        Root = Path.GetFullPath(root);
    }

    /// <summary>The absolute path of the folder holding the files.</summary>
    public string Root { get; }

    /// <summary>The absolute path of the file that holds <paramref name="key"/>.</summary>
    /// <exception cref="ArgumentException">The key is not valid (<see cref="ReportKey"/>).</exception>
    public string PathOf(string key)
    {
        ReportKey.Validate(key);
        return Path.Combine(Root, key.Replace('/', Path.DirectorySeparatorChar));
    }

    /// <inheritdoc />
    public Task PutTextAsync(string key, string text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        return AtomicTextFile.WriteAsync(PathOf(key), text, cancellationToken);
    }

    /// <inheritdoc />
    public Task<string?> GetTextAsync(string key, CancellationToken cancellationToken = default) =>
        AtomicTextFile.ReadAsync(PathOf(key), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> ListKeysAsync(string prefix, CancellationToken cancellationToken = default)
    {
        ReportKey.ValidatePrefix(prefix);
        cancellationToken.ThrowIfCancellationRequested();
        var folder = prefix.LastIndexOf('/') is var slash and >= 0
            ? Path.Combine(Root, prefix[..slash].Replace('/', Path.DirectorySeparatorChar))
            : Root;
        if (!Directory.Exists(folder))
        {
            return Task.FromResult<IReadOnlyList<string>>([]);
        }

        IReadOnlyList<string> keys =
        [
            .. Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
                .Select(file => Path.GetRelativePath(Root, file).Replace(Path.DirectorySeparatorChar, '/'))
                .Where(key => key.StartsWith(prefix, StringComparison.Ordinal) && ReportKey.IsValid(key))
                .Order(StringComparer.Ordinal),
        ];
        return Task.FromResult(keys);
    }
}
