using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using Alchemiser.Core.Errors;
using Alchemiser.Core.MarketData;

namespace Alchemiser.Local.MarketData;

/// <summary>
/// The local bar store: a folder with one <see cref="CsvBarFormat"/> file per symbol, named by
/// <see cref="SymbolFileName"/>. Files are read lazily, on the first request for their symbol, and each symbol is
/// parsed at most once (concurrent first requests share one parse); a failed load is not cached, so a repaired file
/// is picked up by the next request. <see cref="LoadAll"/> and <see cref="Preload"/> read many files in parallel.
/// Messages name the folder and file exactly as the folder was given (<c>prices/SPY.csv:17: ...</c>).
/// </summary>
public sealed class CsvBarStore : IBarStore
{
    private readonly ConcurrentDictionary<string, Lazy<IReadOnlyList<DailyBar>>> _cache = new(StringComparer.Ordinal);

    /// <summary>A store over <paramref name="folder"/>; nothing is read until bars are asked for.</summary>
    public CsvBarStore(string folder)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        Folder = folder;
    }

    /// <summary>The folder as given to the constructor.</summary>
    public string Folder { get; }

    /// <inheritdoc />
    /// <remarks>Lists the folder on every call. A missing folder is a <see cref="MarketDataException"/>.</remarks>
    public IReadOnlyList<string> Symbols()
    {
        if (!Directory.Exists(Folder))
        {
            throw new MarketDataException($"price folder {FolderDisplay} does not exist", MissingFolderHint);
        }

        var symbols = new List<string>();
        foreach (var path in Directory.EnumerateFiles(Folder, "*" + SymbolFileName.Extension))
        {
            if (SymbolFileName.TryGetSymbol(Path.GetFileName(path), out var symbol))
            {
                symbols.Add(symbol);
            }
        }

        symbols.Sort(StringComparer.Ordinal);
        return symbols;
    }

    /// <inheritdoc />
    public bool Contains(string symbol) =>
        _cache.ContainsKey(symbol) || (SymbolFileName.IsValidSymbol(symbol) && File.Exists(PathOf(symbol)));

    /// <inheritdoc />
    public IReadOnlyList<DailyBar> GetBars(string symbol)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        var entry = _cache.GetOrAdd(symbol, s => new Lazy<IReadOnlyList<DailyBar>>(() => Load(s), LazyThreadSafetyMode.ExecutionAndPublication));
        try
        {
            return entry.Value;
        }
        catch (MarketDataException)
        {
            _cache.TryRemove(new KeyValuePair<string, Lazy<IReadOnlyList<DailyBar>>>(symbol, entry));
            throw;
        }
    }

    /// <summary>Loads every symbol in the folder in parallel; see <see cref="Preload"/>.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<DailyBar>> LoadAll(CancellationToken cancellationToken = default) =>
        Preload(Symbols(), cancellationToken);

    /// <summary>
    /// Loads <paramref name="symbols"/> in parallel (one file per worker, as many workers as processors) into the
    /// cache and returns them by symbol. When files are missing or malformed, every such file is reported: a single
    /// problem is thrown as it is, several as one <see cref="MarketDataException"/> listing them all.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<DailyBar>> Preload(IEnumerable<string> symbols, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        var distinct = symbols.Distinct(StringComparer.Ordinal).ToArray();
        var loaded = new IReadOnlyList<DailyBar>[distinct.Length];
        var failures = new ConcurrentBag<(int Index, MarketDataException Error)>();
        var options = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount };
        Parallel.For(0, distinct.Length, options, i =>
        {
            try
            {
                loaded[i] = GetBars(distinct[i]);
            }
            catch (MarketDataException e)
            {
                failures.Add((i, e));
            }
        });

        return BarPreload.Collect(distinct, loaded, failures);
    }

    private const string MissingFolderHint =
        "Check the configured price folder, or create it with a synthetic market: `alchemiser data synth`.";

    private string FolderDisplay => Path.TrimEndingDirectorySeparator(Folder) + Path.DirectorySeparatorChar;

    private string PathOf(string symbol) => Path.Combine(Folder, SymbolFileName.ToFileName(symbol));

    private IReadOnlyList<DailyBar> Load(string symbol)
    {
        if (!SymbolFileName.IsValidSymbol(symbol))
        {
            throw new MarketDataException($"'{symbol}' is not a valid symbol: no price file can be named after it", CsvBarFormat.RemediationHint);
        }

        var path = PathOf(symbol);
        try
        {
            return Array.AsReadOnly(ReadAndParse(path));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            if (!Directory.Exists(Folder))
            {
                throw new MarketDataException(
                    $"no price file for '{symbol}': price folder {FolderDisplay} does not exist (expected {path})", MissingFolderHint, e);
            }

            throw new MarketDataException(
                $"no price file for '{symbol}' in {FolderDisplay} (expected {path})",
                $"Add {path}, or generate a synthetic market with `alchemiser data synth`.",
                e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new MarketDataException($"cannot read {path}: {e.Message}", CsvBarFormat.RemediationHint, e);
        }
    }

    /// <summary>
    /// Reads the file into a pooled buffer and parses it there: loading hundreds of files then allocates only the
    /// bars, not a fresh copy of every file's bytes.
    /// </summary>
    private static DailyBar[] ReadAndParse(string path)
    {
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.SequentialScan);
        var length = RandomAccess.GetLength(handle);
        if (length > Array.MaxLength)
        {
            throw new MarketDataException(string.Create(CultureInfo.InvariantCulture, $"{path} is too large to be a price file ({length} bytes)"), CsvBarFormat.RemediationHint);
        }

        var buffer = ArrayPool<byte>.Shared.Rent((int)length);
        try
        {
            var filled = 0;
            while (filled < length)
            {
                var read = RandomAccess.Read(handle, buffer.AsSpan(filled, (int)length - filled), filled);
                if (read == 0)
                {
                    break;
                }

                filled += read;
            }

            return CsvBarParser.Parse(buffer.AsSpan(0, filled), path);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
