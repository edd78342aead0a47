using System.Text;
using Alchemiser.Core.Errors;
using Alchemiser.Core.MarketData;

namespace Alchemiser.Cli.DataFetch;

/// <summary>A local price folder: <c>&lt;folder&gt;/&lt;SYMBOL&gt;.csv</c>, each written beside its name and moved into place.</summary>
public sealed class FolderFetchTarget : IFetchTarget
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>A target over <paramref name="folder"/>, created when missing.</summary>
    public FolderFetchTarget(string folder)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        if (File.Exists(folder))
        {
            throw new ConfigurationException($"--to '{folder}' is a file, not a folder", "give a folder (created if missing) or s3://bucket/prefix");
        }

        Directory.CreateDirectory(folder);
        Folder = folder;
    }

    public string Folder { get; }

    public string Display => Folder;

    public Task<IReadOnlyDictionary<string, StoredSeries>> ReadAsync(IReadOnlyCollection<string> symbols, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        var found = new Dictionary<string, StoredSeries>(StringComparer.Ordinal);
        foreach (var symbol in symbols)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var path = Path.Combine(Folder, SymbolFileName.ToFileName(symbol));
            if (!File.Exists(path))
            {
                continue;
            }

            try
            {
                found[symbol] = StoredSeries.Of(CsvBarParser.Parse(File.ReadAllBytes(path), path));
            }
            catch (MarketDataException e)
            {
                found[symbol] = StoredSeries.Unreadable(e.Message);
            }
        }

        return Task.FromResult<IReadOnlyDictionary<string, StoredSeries>>(found);
    }

    public Task WriteAsync(string symbol, IReadOnlyList<DailyBar> bars, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        CsvBarWriter.WriteSymbol(Folder, symbol, bars);
        return Task.CompletedTask;
    }

    public async Task<string?> ReadStateAsync(CancellationToken cancellationToken)
    {
        var path = StatePath;
        return File.Exists(path) ? await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false) : null;
    }

    public async Task WriteStateAsync(string json, CancellationToken cancellationToken)
    {
        var path = StatePath;
        var temporary = path + ".tmp";
        await File.WriteAllTextAsync(temporary, json, Utf8NoBom, cancellationToken).ConfigureAwait(false);
        File.Move(temporary, path, overwrite: true);
    }

    private string StatePath => Path.Combine(Folder, FetchState.FileName);
}
