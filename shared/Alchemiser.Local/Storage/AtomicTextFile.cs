using System.Text;

namespace Alchemiser.Local.Storage;

/// <summary>
/// Writes a text file all at once: UTF-8 without a byte-order mark into a temporary file beside the target (same folder,
/// so the same file system), flushed to disk, then moved over the target. A reader sees the old file or the new one,
/// never a part; a crash leaves at most a stray temporary file whose name starts with <see cref="TemporaryPrefix"/>.
/// Creates the folder when it is missing.
/// </summary>
internal static class AtomicTextFile
{
    /// <summary>Temporary files are named <c>.{file name}.{random}.tmp</c>.</summary>
    public const string TemporaryPrefix = ".";

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    public static async Task WriteAsync(string path, string text, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(text);
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, $"{TemporaryPrefix}{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, useAsync: true);
            await using (stream.ConfigureAwait(false))
            {
                var bytes = Utf8NoBom.GetBytes(text);
                await stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    /// <summary>The file's text (UTF-8; a byte-order mark, if any, is skipped), or null when there is no such file (a folder is not one).</summary>
    public static async Task<string?> ReadAsync(string path, CancellationToken cancellationToken)
    {
        if (Directory.Exists(path))
        {
            return null;
        }

        try
        {
            return await File.ReadAllTextAsync(path, Utf8NoBom, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }
}
